"""Indonesian hints of an interaction format (see analytics.format_hints for the rules of this file).

Everyday and slang forms are included (bikin, ikutin, buktiin, gaes, yuk, cus, bareng, udah). Words
that are something else alone are only used in phrases: "cara" is also Spanish "face", "bareng"
(together) is a Collab only in "kolab bareng" or with a creator ("bareng aku" is the shop's own
day), "dulu" alone is "first" in "simpan dulu", "PO" alone is Portuguese "pó" (powder).
"""

from analytics.format_hints import hint
from analytics.i18n import N_

# fmt: off
HINTS = [
    # Tutorial: steps to follow, ways to do something, tips to keep
    hint("Tutorial", N_("ways to do something"), "2 cara, 3 cara, 4 cara, 5 cara, 6 cara, 7 cara, 10 cara, "
         "cara mudah, cara gampang, cara simpel, cara cepat, cara merawat, cara rawat, cara memakai, "
         "cara menggunakan, cara mengatasi, cara memilih, cara milih, cara masak, cara memasak, "
         "cara nyeduh, cara menyeduh, cara styling, cara biar, cara agar, cara supaya, cara bikinnya, "
         "caranya gampang, cara mem..., cara men..., cara meng..., cara meny..., cara nge..., cara ber..., "
         "begini caranya, gini caranya, panduan, trik, tips dan trik, begini cara, gini cara, gimana cara, "
         "bagaimana cara, gimana caranya", 3),
    hint("Tutorial", N_("steps to follow"), "langkah-langkah, langkah pertama, langkah mudah, ikutin ya, "
         "ikutin gerakan, ikutin langkah, ikuti langkah, ikuti gerakan, praktekin, dipraktekin, "
         "cobain di rumah, ajarin, diajarin, kita ajarin, kami ajarin, belajar bikin, 2 gaya, 3 gaya, "
         "4 gaya, 5 gaya, caranya, kesalahan saat, kesalahan yang, ikutin aku, latihan bareng aku, "
         "olahraga bareng aku, workout bareng, kasih tau cara, kasih tahu cara, bikin sendiri, "
         "buat sendiri, gampang bikin, stepnya, step-nya, urutan, save ya, simpan ya, ini cara, "
         "kesalahan waktu, kesalahan ketika, kesalahan umum, ikuti videonya, ikutin videonya, ikuti video, "
         "itinerary, teknik yang benar, posisi yang benar, form yang benar", 2),
    hint("Tutorial", N_("tips to save for later"), "simpan dulu, simpan video, simpan videonya, save dulu, "
         "wajib simpan, wajib save, jangan lupa simpan, buat pemula, untuk pemula, bagi pemula", 2),
    hint("Tutorial", N_("a routine, the quantities"), "pemula, rutinitas, takaran, bahan-bahan, bahannya, "
         "gampang bgt, gampang banget, anti gagal, racikan, belajar, metode, gerakan, latihan, pelajaran, "
         "peregangan, teknik", 1),

    # Challenge: a dare for the audience
    hint("Challenge", N_("the audience's turn"), "giliran kalian, giliran kamu, giliranmu, "
         "sekarang giliran", 3),
    hint("Challenge", N_("a challenge hashtag"), "#tantangan...", 3),
    hint("Challenge", N_("a dare to take"), "tantang, tantangin, nantangin, menantang, ditantang, siapa berani, "
         "siapa yang berani, berani coba, berani gak, berani nggak, berani ga, buktiin, buktikan, "
         "yang bisa habisin, siapa yang bisa, siapa bisa, sanggup gak, sanggup nggak, kuat gak, kuat nggak, "
         "adu, rekam dan tag, rekam terus tag, kalian coba juga, kalian juga coba, coba juga dong, "
         "kuat berapa lama, bisa bertahan berapa lama", 2),
    hint("Challenge", N_("a trend to join"), "ikutan tren, ikutan trend, ikut tren, joget, tren ini, trend ini, "
         "pakai sound, pake sound, pakai lagu ini, pakai audio, habisin, siapa ikut, siapa mau ikut", 1),

    # Mini game: a prize to win, a guess, a draw
    hint("Mini game", N_("a prize to win"), "hadiahnya, berhadiah, pemenang, pemenangnya, menangin, "
         "memenangkan, komen terpilih, terpilih dapat, orang beruntung, yang beruntung, tebakan, "
         "tebak-tebakan, tebakin, diundi, pengundian, lomba, kontes, doorprize, dipilih acak, pilih acak, "
         "secara acak", 3),
    hint("Mini game", N_("a prize"), "menang", 2),
    hint("Mini game", N_("a prize"), "hadiah", 1),
    hint("Mini game", N_("a guess or a find"), "teka-teki, jawaban benar, jawab benar, jawabannya, "
         "jawaban besok, yang benar duluan, komen tercepat, jawaban tercepat, ngumpet, ngumpetin, "
         "tersembunyi, sembunyi, sembunyikan, disembunyikan, putar roda, roda keberuntungan, "
         "jawaban paling dekat, tebakan terdekat, paling mendekati, cari kesalahan, cari perbedaan, "
         "temukan perbedaan, siapa yang nemu, yang nemu, lanjutkan kalimat, isi titik-titik, "
         "lengkapi kalimat, permainan, bingo, kupon gosok, paling ... dapat, paling ... dapet, "
         "terbaik dapat, terbaik dapet", 2),
    hint("Mini game", N_("how to take part"), "buat ikutan, untuk ikutan, cara ikutan, cara ikut, syarat ikut, "
         "syaratnya, tag 2 teman, tag 3 teman, tag teman, share video ini, jawab di komen, komen jawabanmu, "
         "bagi-bagi", 2),

    # LIVE Q&A: a broadcast, questions (never bare "langsung" or "live": the rule words check them)
    hint("LIVE Q&A", N_("a broadcast"), "ngelive, nge-live", 2),
    hint("LIVE Q&A", N_("a broadcast"), "siaran", 1),
    hint("LIVE Q&A", N_("questions answered"), "tanya apa aja, tanya apa saja, tanya-tanya, siapin pertanyaan, "
         "siapkan pertanyaan, drop pertanyaan, kirim pertanyaan, pertanyaan kalian, pertanyaanmu, "
         "jawab semua pertanyaan", 1),

    # Storytelling: the brand's past, a family, a name's origin
    hint("Storytelling", N_("how it began"), "awal mula, asal usul, asal mula, berawal dari, bermula, "
         "begini awalnya, ceritanya, ceritain, kisahnya, merintis, dari nol, modal nekat, jatuh bangun, "
         "tahun yang lalu, resign dari, keluar dari kerjaan, kenapa namanya, kenapa dinamai, asal nama, "
         "sejarah, di balik nama, turun temurun, generasi pertama, generasi kedua, generasi ketiga, "
         "berdiri sejak, didirikan", 3),
    hint("Storytelling", N_("the old days"), "dulu cuma, dulunya, dulu kami, dulu aku, dulu saya, dulu ibu, "
         "dulu ayah, zaman dulu, jaman dulu, awalnya, dari dulu, pertama kali buka, hari pertama buka, "
         "sekarang udah punya, sekarang sudah punya, sekarang punya, dokumenter, film dokumenter, "
         "kami namain, kami namakan, dinamakan, diberi nama, hampir tutup, hampir bangkrut, suatu hari, "
         "waktu pandemi, pas pandemi, masa pandemi, saat pandemi, konon, pelanggan pertama, berhenti kerja, "
         "keluar dari kantor, resign, perjalanan kami, perjalanan brand, perjalanan kedai, curhat, "
         "dulu desa, dulu kampung, dulu daerah, dulu tempat ini", 2),
    hint("Storytelling", N_("family and years"), "nenek, kakek, almarhum, almarhumah, ibu saya, ibu kami, "
         "ibuku, ayah saya, ayahku, bapak saya, bapakku, mama saya, mamaku, keluarga kami, sejak tahun, "
         "tahun lalu, namanya, bagian 1, part 1, episode 1, sudah 5 tahun, udah 5 tahun, sudah 10 tahun, "
         "udah 10 tahun, ulang tahun ke, pertama kali, perjalanan, sejak 19..., sejak 20...", 1),

    # Behind the scenes: the shop's own day, work before opening
    hint("Behind the scenes", N_("a day at work"), "sehari jadi, sehari di, sehari bersama, keseharian, "
         "satu hari di, dari buka sampai tutup, sebelum buka, sebelum toko buka, persiapan buka, "
         "bareng aku, bareng saya, sama aku, temenin aku, bareng gue, suasana kerja, suasana dapur, "
         "suasana produksi, nyiapin pesanan, siapin pesanan, menyiapkan pesanan, keliling toko, "
         "keliling dapur, house tour, tur dapur, tur toko, rapikan rak, nata rak, beresin rak, "
         "siapin booth, persiapan booth, behind the scene, pagi-pagi di, belanja bahan, belanja stok, "
         "kulakan, ikut owner, karyawan baru, hari pertama kerja", 2),
    hint("Behind the scenes", N_("orders packed, the kitchen, the workshop"), "packing orderan, "
         "packing pesanan, packing order, bungkus pesanan, kemas pesanan, packing, dapur kami, "
         "proses produksi, proses pembuatan, proses packing, stok opname, beres-beres, bongkar kiriman, "
         "bongkar stok, sangrai", 2),
    hint("Behind the scenes", N_("the shop's own day"), "di dapur, roasting, proses, produksi, bongkar, "
         "persiapan, sehari-hari, tim kami, bareng tim, subuh, penjahit kami, pengrajin, cupping, "
         "jam sibuk, abis rame, habis rame, bersih-bersih, di balik, kardus, keluar oven, akustikan, "
         "live musik, musik live, live akustik, jam 3 pagi, jam 4 pagi, jam 5 pagi, siap-siap, "
         "bareng owner, karyawan, crew, staf, training, sablon, menjahit, nyiapin", 1),

    # Duet / Stitch / UGC: customers' photos and videos, reposted or reacted to
    hint("Duet / Stitch / UGC", N_("customers' own photos and videos"), "video kalian, foto kalian, "
         "video dari kalian, foto dari kalian, ulasan kalian, review kalian, review dari kalian, "
         "kiriman kalian, kiriman dari kalian, karya kalian, ootd kalian, video pelanggan, "
         "foto pelanggan", 2),
    hint("Duet / Stitch / UGC", N_("a video reply to a comment"), "balas komen, balas komentar, jawab komen, "
         "bales komen, reply komen, reply komentar", 2),
    hint("Duet / Stitch / UGC", N_("customers' videos reposted"), "kami upload, kami repost, upload ulang, "
         "reupload, posting ulang, kami posting, ngereact, nge-react, reaksi, baca review, baca ulasan, "
         "baca komen, bacain komen, kirim video, kirim foto, kirimin video, kirimin foto", 2),
    hint("Duet / Stitch / UGC", N_("tagging the shop"), "tag kami, tag kita, mention kami, mention kita, "
         "dari kalian, testimoni, tunjukin, tunjukkan, pamerin", 1),

    # Collab: another brand or creator
    hint("Collab", N_("a collab"), "kolab, kolabs, berkolaborasi, #kolaborasi", 3),
    hint("Collab", N_("made together with someone"), "kerja sama, kerjasama, bekerja sama, kolab bareng, "
         "bikin bareng, dibuat bareng, desain bareng, didesain oleh, digambar oleh, digambar sama, "
         "dirancang bersama, bintang tamu, spesial bareng, sponsor, disponsori, endorse, paid promote, "
         "bareng ilustrator, bareng desainer, bareng seniman, bareng kreator, bareng chef, "
         "bareng penulis", 2),
    hint("Collab", N_("a creator thanked"), "makasih @..., terima kasih @..., makasih kak @..., "
         "thanks @...", 1),

    # Product: in stock, a sale, sizes, how to order (prices are read by the signals: "Rp89.000", "249rb")
    hint("Product", N_("in stock"), "ready stock, ready stok, readystock, sudah ready, udah ready, ready lagi, "
         "size ready, stok terbatas, restok, stok habis, sudah tersedia, pre order, preorder, open po, "
         "po dibuka, koleksi, varian baru, rasa baru, menu baru, produk terbaru, koleksi baru, model baru, "
         "motif baru, warna baru, best seller, terlaris, edisi terbatas, bisa dipesan, katalog, bisa cod, "
         "3 warna, 4 warna, 5 warna, pilihan warna, hampers, kelas percobaan, free trial, habis dalam, "
         "paket trip, open trip, cocok buat hadiah, cocok untuk hadiah, buat kado, untuk kado, kado, "
         "kini tersedia, sekarang tersedia, open order, buka po, cuci gudang, termurah, "
         "kirim ke seluruh indonesia, baru terbit, rilis, sudah terbit, resmi terbit", 2),
    hint("Product", N_("a sale"), "promo, diskon, potongan harga, gratis ongkir, free ongkir, cashback, "
         "harga spesial, beli 1 gratis 1, flash sale", 2),
    hint("Product", N_("how to order"), "keranjang kuning, cek keranjang, klik keranjang, checkout, check out, "
         "yuk order, yuk checkout, cus order, cuss order, cus checkout, cuss checkout, order sekarang, "
         "pesan sekarang, beli langsung, langsung beli, varian, ukuran, po, ongkir, cod, laris, dipesan, "
         "cek bio, gift box, semua cabang, order via dm, pesan via dm, pesan sebelum, hubungi admin, "
         "chat admin, pesan kue, h-1, h-2, h-3", 1),
    hint("LIVE Q&A", N_("a reminder for a broadcast"), "nyalain notif, nyalakan notif, nyalakan notifikasi, "
         "pasang pengingat, set pengingat", 2),
    hint("LIVE Q&A", N_("a broadcast"), "di tiktok, jawab pertanyaan, jawab2 pertanyaan, ngobrol bareng", 1),
]
# fmt: on
