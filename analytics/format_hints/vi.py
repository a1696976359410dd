"""Vietnamese hints of an interaction format (see analytics.format_hints for the rules of this file).

Written with their tone marks: a caption typed without accents still matches ("luu lai" finds "lưu
lại"), a different tone mark does not ("mẹo" is no "mèo"). Bare words that are something else
without accents are only used in phrases: "cách" alone is also "ago" ("cách đây 2 năm"), "đoán"
typed "doan" is also "đoàn" (a group), "mới" typed "moi" is French "me".
"""

from analytics.format_hints import hint

# fmt: off
HINTS = [
    # Tutorial: steps to follow, ways to do something, tips to keep
    hint("Tutorial", "ways to do something",
         "2 cách, 3 cách, 4 cách, 5 cách, 6 cách, 7 cách, 10 cách, những cách, các cách, cách để, bí quyết, bí kíp, "
         "cách phối, cách mix, cách chăm sóc, cách giữ, cách tập, cách học, cách đọc, cách ghi, cách trang điểm, "
         "cách tô, cách buộc, cách gấp, cách trồng, cách giặt, cách vệ sinh, cách nhận biết, cách phân biệt, "
         "cách tự, cách giúp, cách nướng, cách pha chế, cách bảo quản, cách sử dụng, cách chụp", 3),
    hint("Tutorial", "steps to follow",
         "làm theo, tập theo, làm theo mình, theo thứ tự, thứ tự các bước, các bước, từng bước, bước 1, bước một, "
         "chỉ 3 bước, 3 bước, 5 bước, chỉ bạn, chỉ cách, dạy bạn, dạy cách, mách bạn, mách nhỏ, học cách, "
         "chia sẻ cách, bài tập, sai lầm khi, lưu ý khi", 2),
    hint("Tutorial", "tips to save for later", "lưu lại, lưu ngay, lưu về, save lại, bỏ túi, note lại, ghim lại", 2),
    hint("Tutorial", "for beginners, at home", "cho người mới, người mới bắt đầu, tại nhà, tự làm, nguyên liệu, "
         "định lượng, gợi ý, phối đồ, mix đồ, động tác, siêu dễ, dễ làm, ai cũng làm được", 1),

    # Challenge: a dare for the audience
    hint("Challenge", "the audience's turn", "đến lượt bạn, tới lượt bạn, đến lượt mọi người, tới lượt mọi người, "
         "lượt của bạn, đến lượt các bạn, tới lượt các bạn", 3),
    hint("Challenge", "a challenge hashtag", "#thửthách..., #thachdau..., #thửthách", 3),
    hint("Challenge", "a dare to take", "bạn có dám, ai dám, dám không, dám thử, ai ăn được, ai ăn hết, ai làm được, "
         "ai uống hết, ai chạy được, ai đọc được, thách thức, thách bạn, thử 7 ngày, thử 30 ngày", 2),
    hint("Challenge", "a trend to repeat", "bắt trend, theo trend, trend này, nhảy theo, điểm danh, "
         "ngày liên tục, ngày liên tiếp", 1),

    # Mini game: a prize to win, a guess, a lucky draw
    hint("Mini game", "a lucky draw", "vòng quay may mắn, vòng quay, quay thưởng, bốc thăm, rút thăm, thể lệ, "
         "luật chơi, bạn may mắn, người may mắn, may mắn nhận, câu đố, cuộc thi", 3),
    hint("Mini game", "a guess to make", "đoán tên, đoán xem, đoán đúng, đoán thử, đoán giá, đoán coi, đoán món, "
         "ai đoán, bạn đoán, đố bạn, đố mọi người, đố cả nhà, trả lời đúng, đúng đầu tiên, comment sớm nhất, bình luận sớm nhất, comment nhanh nhất, "
         "trả lời nhanh nhất, nhanh tay comment", 2),
    hint("Mini game", "a prize to win", "người thắng, người chiến thắng, thắng giải, giải thưởng, giải nhất, phần quà, "
         "nhận quà, công bố kết quả, công bố người, tag 2 người bạn, tag 3 người bạn, tag 2 bạn, tag 3 bạn, "
         "tag bạn bè, trúng voucher, cho 2 bạn, cho 3 bạn, cho 5 bạn, cho 10 bạn", 2),

    # LIVE Q&A: a broadcast, questions answered (never bare "trực tiếp": the rule words check it)
    hint("LIVE Q&A", "a broadcast", "phát sóng, lên sóng", 2),
    hint("LIVE Q&A", "questions answered", "giải đáp, thắc mắc, để lại câu hỏi, gửi câu hỏi, đặt câu hỏi, "
         "trả lời câu hỏi", 1),

    # Storytelling: the brand's past, a family, a name's origin
    hint("Storytelling", "the old days told", "hồi đó, hồi xưa, ngày xưa, hồi trước, hồi nhỏ, hồi mới, thuở, "
         "những ngày đầu, ngày đầu mở, cách đây 1 năm, cách đây 2 năm, cách đây 3 năm, cách đây 4 năm, "
         "cách đây 5 năm, cách đây 10 năm, cách đây vài năm, cách đây mấy năm, cách đây nhiều năm, năm trước", 2),
    hint("Storytelling", "a story told", "kể chuyện, qua lời kể, lời kể, kể về, kể lại, chuyện của, chuyện nghề, "
         "khởi nghiệp, nghỉ việc, bỏ việc, bắt đầu từ, lý do mở, kể bạn nghe, kể mọi người nghe, kể cả nhà nghe, "
         "chuyện về, chuyện chiếc, mình từng, tụi mình từng, người sáng lập, nhà sáng lập, ngày ấy, năm ấy, vì sao mình, vì sao tụi mình, vì sao quán, "
         "vì sao tiệm, vì sao shop, tại sao quán, tại sao tiệm", 2),
    hint("Storytelling", "family and years", "mẹ mình, ba mình, bố mình, bà ngoại, bà nội, ông ngoại, ông nội, "
         "gia đình mình, mẹ tôi, bố tôi, kỷ niệm, tròn 1 năm, tròn 2 năm, tròn 5 năm, đồng hành, xưa, tâm huyết, "
         "ước mơ, giấc mơ", 1),

    # Behind the scenes: the shop's own day, work before opening
    hint("Behind the scenes", "a day at work", "một ngày làm, một ngày của, một ngày ở, một ngày tại, "
         "một ngày đi làm, 1 ngày làm, 1 ngày của", 2),
    hint("Behind the scenes", "orders packed, the kitchen, the workshop",
         "đóng gói, gói hàng, gói đơn, đóng đơn, soạn đơn, trong bếp, ở bếp, sau bếp, trong xưởng, tại xưởng, "
         "ở xưởng, sơ chế, mẻ rang, mẻ bánh, quy trình sản xuất, quy trình làm, buổi chụp, dọn kho, kiểm kho, dọn quán, dọn tiệm, "
         "dọn dẹp, sau quầy, ca sáng, ca tối, tăng ca, đằng sau, trước ngày khai trương, trước giờ mở cửa, trước khi mở cửa, chuẩn bị khai trương", 2),
    hint("Behind the scenes", "the shop's own day", "cùng mình, với mình nè, quy trình, setup, set up, phía sau, thợ may, "
         "thợ làm bánh, vlog, nhạc sống, "
         "nhạc live, đêm nhạc", 1),

    # Duet / Stitch / UGC: customers' photos and videos, reposted or reacted to
    hint("Duet / Stitch / UGC", "a video reply to a comment", "trả lời bình luận, trả lời cmt, rep cmt, "
         "rep bình luận", 3),
    hint("Duet / Stitch / UGC", "customers' videos reposted", "đăng lại, chia sẻ lại, share lại, react, reaction", 2),
    hint("Duet / Stitch / UGC", "customers' own photos and videos",
         "ảnh các bạn, hình các bạn, video các bạn, clip các bạn, ảnh của bạn, gửi ảnh, gửi hình, gửi video, "
         "gửi clip, khách khoe, khách gửi, khách mặc, khách diện, feedback khách, ảnh khách", 2),
    hint("Duet / Stitch / UGC", "tagging the shop", "tag tụi mình, tag shop, tag quán, gắn thẻ, của khách, feedback, "
         "khách hàng gửi", 1),

    # Collab: another brand or creator
    hint("Collab", "a partnership", "bắt tay cùng, bắt tay với", 3),
    hint("Collab", "made together with someone", "kết hợp cùng, kết hợp với, khách mời, "
         "tài trợ, đồng sáng tạo, phiên bản giới hạn cùng, phối hợp với, phối hợp cùng, ra mắt cùng", 2),
    hint("Collab", "a creator thanked", "cảm ơn @..., cám ơn @..., cảm ơn bạn @...", 1),

    # Product: in stock, a sale, sizes, how to order
    hint("Product", "in stock", "có sẵn, sẵn hàng, hàng về, về hàng, mới về, hàng mới, hết hàng, cháy hàng, "
         "còn hàng, mở bán, đặt trước, nhận order, nhận đặt, đặt cọc, xả kho, thanh lý, số lượng có hạn, "
         "bán chạy, chính hãng, mã giảm", 2),
    hint("Product", "a sale", "giảm giá, giảm thêm, giảm ngay, khuyến mãi, ưu đãi, freeship, miễn phí vận chuyển, "
         "mua 1 tặng 1, đồng giá, flash sale, sale off, đại sale, siêu sale, đang sale, ngày sale, "
         "sale sốc, sale toàn bộ, giá tốt, giá rẻ, giá sốc", 2),
    hint("Product", "sizes and colours", "đủ size, đủ màu, còn size, còn màu, bảng size, bộ sưu tập, bst, "
         "món mới, vị mới, menu mới, mẫu mới", 2),
    hint("Product", "how to order", "inbox shop, ib shop, inbox ngay, ib ngay, đặt hàng, mua ngay, đặt ngay, "
         "giỏ hàng, link mua, giữ chỗ, đặt chỗ, còn slot, đăng ký, ship cod, chỉ còn, chất liệu, chất vải, "
         "dung tích, thành phần, công dụng", 1),
]
# fmt: on
