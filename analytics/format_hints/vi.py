"""Vietnamese hints of an interaction format (see analytics.format_hints for the rules of this file).

Written with their tone marks: a caption typed without accents still matches ("luu lai" finds "lưu
lại"), a different tone mark does not ("mẹo" is no "mèo"). Words that are something else without
accents, or in another language, are only used in phrases: "cách" alone is also "ago" ("cách đây 2
năm"), "đoán" typed "doan" is also "đoàn" (a group), "mới" typed "moi" is French "me", "màu" typed
"mau" is Indonesian "want", "sale" is French "dirty" and Spanish "goes out".
"""

from analytics.format_hints import hint
from analytics.i18n import N_

# fmt: off
HINTS = [
    # Tutorial: ways to do something, steps to follow, tips to keep
    hint("Tutorial", N_("ways to do something"), "2 cách, 3 cách, 4 cách, 5 cách, 6 cách, 7 cách, 8 cách, "
         "10 cách, những cách, các cách, cách để, bí quyết, bí kíp, chia sẻ cách, cách phối, cách mix, "
         "cách chăm sóc, cách giữ, cách tập, cách học, cách đọc, cách ghi, cách trang điểm, cách tô, "
         "cách buộc, cách thắt, cách gấp, cách trồng, cách giặt, cách vệ sinh, cách nhận biết, "
         "cách phân biệt, cách tự, cách giúp, cách nướng, cách pha chế, cách sử dụng, cách chụp, "
         "cách sắp xếp, cách bọc, cách cắt, làm sao để, làm thế nào để, làm sao cho", 3),
    hint("Tutorial", N_("steps to follow"), "làm theo, tập theo, làm theo mình, tập cùng mình, làm cùng mình, "
         "theo thứ tự, các bước, từng bước, bước 1, bước một, 3 bước, 4 bước, 5 bước, chỉ bạn cách, "
         "chỉ cách, dạy bạn, dạy cách, mách bạn, mách nhỏ, học cách, bài tập, sai lầm khi, lưu ý khi, "
         "2 kiểu, 3 kiểu, 4 kiểu, 5 kiểu, 7 kiểu, 10 kiểu, chỉ cho bạn, lỗi sai, những lỗi, "
         "thế nào cho đúng, sao cho đúng, làm thế nào, lịch trình, kinh nghiệm đi, thế nào để, "
         "như thế nào để, cách này, đúng form, đúng cách", 2),
    hint("Tutorial", N_("tips to save for later"), "lưu lại, lưu ngay, lưu về, save lại, bỏ túi, note lại, "
         "ghim lại", 2),
    hint("Tutorial", N_("for beginners, at home"), "cho người mới, người mới bắt đầu, tại nhà, tự làm, "
         "nguyên liệu, định lượng, gợi ý, phối đồ, mix đồ, động tác, siêu dễ, dễ làm, ai cũng làm được, "
         "phương pháp, bài học, routine, chu trình, trang điểm, siêu đơn giản, cực đơn giản, kéo giãn, "
         "giãn cơ, kỹ thuật", 1),

    # Challenge: a dare for the audience
    hint("Challenge", N_("the audience's turn"), "đến lượt bạn, tới lượt bạn, đến lượt mọi người, "
         "tới lượt mọi người, lượt của bạn, đến lượt các bạn, tới lượt các bạn, đến lượt cả nhà", 3),
    hint("Challenge", N_("a challenge hashtag"), "#thửthách..., #thachdau...", 3),
    hint("Challenge", N_("a dare to take"), "bạn có dám, ai dám, dám không, dám thử, ai ăn được, ai ăn hết, "
         "ai làm được, ai uống hết, ai chạy được, ai đọc được, ai giữ được, thách thức, thách bạn, "
         "thử 7 ngày, thử 30 ngày, so tài, đọ tài, battle, ai theo được, ai trụ được, bạn làm được không, "
         "bạn giữ được bao lâu, bạn trụ được bao lâu", 2),
    hint("Challenge", N_("a trend to repeat"), "bắt trend, theo trend, trend này, nhảy theo, nhảy cùng, "
         "điểm danh, ngày liên tục, ngày liên tiếp, dùng sound, dùng nhạc này, dùng âm thanh, trend, "
         "ai tham gia, ai chơi", 1),

    # Mini game: a prize to win, a guess, a lucky draw
    hint("Mini game", N_("a lucky draw"), "vòng quay may mắn, vòng quay, quay thưởng, bốc thăm, rút thăm, "
         "thể lệ, luật chơi, bạn may mắn, người may mắn, may mắn nhận, câu đố, cuộc thi, trò chơi, "
         "cào trúng, phiếu cào, chọn ngẫu nhiên, quay số", 3),
    hint("Mini game", N_("a guess or a find"), "đoán tên, đoán xem, đoán đúng, đoán thử, đoán giá, đoán coi, "
         "đoán món, ai đoán, bạn đoán, đố bạn, đố mọi người, đố cả nhà, trả lời đúng, đúng đầu tiên, "
         "gần đúng nhất, comment sớm nhất, bình luận sớm nhất, comment nhanh nhất, trả lời nhanh nhất, "
         "nhanh tay comment, ai tìm ra, ai tìm được, tìm lỗi sai, tìm điểm khác, đang trốn, trốn ở đâu, "
         "giấu, điền vào chỗ trống, điền từ còn thiếu, đếm xem, đếm thử", 2),
    hint("Mini game", N_("a prize to win"), "người thắng, người chiến thắng, thắng giải, giải thưởng, "
         "giải nhất, phần quà, nhận quà, công bố kết quả, công bố người, tag 2 người bạn, tag 3 người bạn, "
         "tag 2 bạn, tag 3 bạn, tag bạn bè, trúng voucher, cho 2 bạn, cho 3 bạn, cho 5 bạn, cho 10 bạn, "
         "share video này, chia sẻ video này, để tham gia, cách tham gia, nhất nhận, nhất sẽ nhận, "
         "nhất được nhận, nhất được tặng", 2),

    # LIVE Q&A: a broadcast, questions answered (never bare "trực tiếp" or "live": the rule words check them)
    hint("LIVE Q&A", N_("a broadcast"), "phát sóng, lên sóng", 2),
    hint("LIVE Q&A", N_("questions answered"), "để lại câu hỏi, gửi câu hỏi, đặt câu hỏi, trả lời câu hỏi, "
         "trả lời tất cả", 1),

    # Storytelling: the brand's past, a family, a name's origin
    hint("Storytelling", N_("the old days told"), "hồi đó, hồi xưa, ngày xưa, hồi trước, hồi nhỏ, hồi mới, "
         "thuở, những ngày đầu, ngày đầu mở, cách đây 1 năm, cách đây 2 năm, cách đây 3 năm, "
         "cách đây 4 năm, cách đây 5 năm, cách đây 10 năm, cách đây vài năm, cách đây mấy năm, "
         "cách đây nhiều năm, năm trước, ngày ấy, năm ấy, trước đây mình, hồi dịch, mùa dịch, đợt dịch, "
         "suýt đóng cửa, suýt phá sản, năm 19..., mở năm, mở cửa năm", 2),
    hint("Storytelling", N_("a story told"), "kể chuyện, qua lời kể, lời kể, kể về, kể lại, kể bạn nghe, "
         "kể mọi người nghe, kể cả nhà nghe, chuyện của, chuyện về, chuyện chiếc, chuyện nghề, khởi nghiệp, "
         "nghỉ việc, bỏ việc, bắt đầu từ, ra đời, thành lập, mình từng, tụi mình từng, người sáng lập, "
         "nhà sáng lập, lý do mở, lý do đặt tên, đặt tên, vì sao mình, vì sao tụi mình, vì sao quán, "
         "vì sao tiệm, vì sao shop, tại sao quán, tại sao tiệm, phim tài liệu, lịch sử, truyền thuyết, "
         "khách hàng đầu tiên, giữ nghề, nghề truyền thống, truyền nghề, nối nghề, trăm năm, tâm sự, "
         "chuyện cô, chuyện chú, chuyện anh, chuyện chị, chuyện bác, chuyện ông, chuyện bà", 2),
    hint("Storytelling", N_("family and years"), "mẹ mình, ba mình, bố mình, má mình, bà ngoại, bà nội, "
         "ông ngoại, ông nội, gia đình mình, mẹ tôi, bố tôi, kỷ niệm, tròn 1 năm, tròn 2 năm, tròn 3 năm, "
         "tròn 5 năm, tròn 10 năm, sinh nhật quán, sinh nhật tiệm, đồng hành, xưa, tâm huyết, ước mơ, "
         "giấc mơ, tập 1, phần 1, từ đó, từ năm 20..., từ năm 19...", 1),

    # Behind the scenes: the shop's own day, work before opening
    hint("Behind the scenes", N_("a day at work"), "một ngày làm, một ngày của, một ngày ở, một ngày tại, "
         "một ngày đi làm, 1 ngày làm, 1 ngày của, tham quan xưởng, dạo một vòng, một buổi sáng của, "
         "buổi sáng của, buổi chiều của, buổi tối của, buổi sáng ở, buổi sáng tại, buổi tối ở, lấy hàng, "
         "nhập hàng, nhân viên mới, ngày đầu đi làm", 2),
    hint("Behind the scenes", N_("orders packed, the kitchen, the workshop"), "đóng gói, gói hàng, gói đơn, "
         "đóng đơn, soạn đơn, trong bếp, ở bếp, sau bếp, trong xưởng, tại xưởng, ở xưởng, sơ chế, mẻ rang, "
         "mẻ bánh, quy trình sản xuất, quy trình làm, buổi chụp, dọn kho, kiểm kho, dọn quán, dọn tiệm, "
         "dọn dẹp, xếp kệ, sắp xếp kệ, dọn kệ, sau quầy, ca sáng, ca tối, tăng ca, đằng sau, "
         "trước ngày khai trương, trước giờ mở cửa, trước khi mở cửa, chuẩn bị khai trương, dựng gian hàng, "
         "dựng booth, đóng ... đơn, gói ... đơn, soạn ... đơn, mẻ cà phê, mẻ đầu, đang rang, tụi mình rang, "
         "dọn phòng, dọn bếp, dọn studio, dọn xưởng, sau ca, ca cuối, hết ca, tan ca", 2),
    hint("Behind the scenes", N_("the shop's own day"), "cùng mình, với mình nè, quy trình, setup, set up, "
         "phía sau, thợ may, thợ làm bánh, vlog, sáng sớm, giờ cao điểm, ra lò, thùng hàng, "
         "xưởng bánh, xưởng may, xưởng gốm, xưởng rang, xưởng mộc, 3h sáng, 4h sáng, "
         "5h sáng, 6h sáng, ekip, đi chợ, cùng chủ shop, cùng chủ quán, nhân viên, "
         "tập pha chế", 1),

    # Duet / Stitch / UGC: customers' photos and videos, reposted or reacted to, replies to comments
    hint("Duet / Stitch / UGC", N_("a video reply to a comment"), "trả lời bình luận, trả lời cmt, rep cmt, "
         "rep bình luận, reply bình luận, reply cmt, reply comment", 3),
    hint("Duet / Stitch / UGC", N_("customers' videos reposted"), "đăng lại, chia sẻ lại, share lại, react, "
         "reaction, đọc review, đọc bình luận, đọc comment, đọc cmt", 2),
    hint("Duet / Stitch / UGC", N_("customers' own photos and videos"), "ảnh các bạn, hình các bạn, "
         "video các bạn, clip các bạn, ảnh của bạn, gửi ảnh, gửi hình, gửi video, gửi clip, khách khoe, "
         "khách gửi, khách mặc, khách diện, feedback khách, ảnh khách, khoe với shop, khoe với tụi mình, "
         "cho tụi mình xem, cho shop xem, shop đăng, tụi mình đăng", 2),
    hint("Duet / Stitch / UGC", N_("tagging the shop"), "tag tụi mình, tag shop, tag quán, gắn thẻ, của khách, "
         "feedback, khách hàng gửi", 1),

    # Collab: another brand or creator
    hint("Collab", N_("a partnership"), "bắt tay cùng, bắt tay với", 3),
    hint("Collab", N_("made together with someone"), "kết hợp cùng, kết hợp với, khách mời, tài trợ, "
         "đồng sáng tạo, phiên bản giới hạn cùng, phối hợp với, phối hợp cùng, ra mắt cùng, liên kết với, "
         "liên kết cùng, KOC, cùng họa sĩ, cùng nhà thiết kế, cùng nghệ sĩ, cùng đầu bếp", 2),
    hint("Collab", N_("a creator thanked"), "cảm ơn @..., cám ơn @..., cảm ơn bạn @...", 1),

    # Product: in stock, a sale, sizes, how to order (prices are read by the signals: "149K", "79.000đ")
    hint("Product", N_("in stock"), "có sẵn, sẵn hàng, hàng về, về hàng, mới về, hàng mới, hết hàng, cháy hàng, "
         "còn hàng, có hàng lại, về lại, mở bán, lên kệ, đặt trước, nhận order, nhận đặt, đặt cọc, xả kho, "
         "thanh lý, số lượng có hạn, bán chạy, chính hãng, có mặt tại, vé tham quan, vé vào cửa, giá vé, "
         "đặt vé, mua vé, phát hành, sách mới", 2),
    hint("Product", N_("a sale"), "giảm giá, giảm thêm, giảm ngay, giảm ...%, mã giảm, khuyến mãi, ưu đãi, "
         "freeship, miễn phí vận chuyển, mua 1 tặng 1, đồng giá, flash sale, sale off, đại sale, siêu sale, "
         "đang sale, ngày sale, sale sốc, sale toàn bộ, sale ...%, giá tốt, giá rẻ, giá sốc, học thử, "
         "tập thử, chốt đơn, săn sale, tặng kèm", 2),
    hint("Product", N_("sizes and colours"), "đủ size, đủ màu, còn size, còn màu, bảng size, 2 màu, 3 màu, "
         "4 màu, 5 màu, 6 màu, bộ sưu tập, bst, món mới, vị mới, menu mới, mẫu mới, hộp quà, set quà", 2),
    hint("Product", N_("how to order"), "inbox shop, ib shop, inbox ngay, ib ngay, đặt hàng, mua ngay, "
         "đặt ngay, giỏ hàng, link mua, giữ chỗ, đặt chỗ, còn slot, đăng ký, ship cod, chỉ còn, chất liệu, "
         "chất vải, dung tích, thành phần, công dụng, đặt tour, giao tận nơi, giao tận nhà, ship tận nơi, "
         "giao trong ngày, đặt qua app, mua tại cửa hàng, mua tại quán, mua tại shop, có ship, "
         "ship toàn quốc, nhận ship, đang bán, bán online, đặt bánh, đặt hoa, đặt tiệc", 1),
    hint("LIVE Q&A", N_("a reminder for a broadcast"), "bật thông báo, bật chuông, bật chuông thông báo", 2),
    hint("LIVE Q&A", N_("a broadcast"), "trên tiktok, trên kênh, giao lưu", 1),
]
# fmt: on
