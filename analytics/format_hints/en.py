"""English hints of an interaction format (see analytics.format_hints for the rules of this file)."""

from analytics.format_hints import hint
from analytics.i18n import N_

# fmt: off
HINTS = [
    # Tutorial: steps, ways, lessons, a method to save and follow
    hint("Tutorial", N_("steps to follow"),
         "step 1, step one, first step, 2 steps, 3 step, 3 steps, 4 step, 4 steps, 5 step, 5 steps, 6 steps, "
         "7 steps, 10 steps, three steps, easy steps, simple steps, steps to, in 3 steps, in 5 steps", 2),
    hint("Tutorial", N_("ways to do something"),
         "ways to, 2 ways, 3 ways, 4 ways, 5 ways, 6 ways, 7 ways, 10 ways, two ways, three ways, four ways, "
         "five ways, ways to wear, ways to style, easiest way, the easy way, easy way to, quickest way, "
         "fastest way, simplest way, the right way, the wrong way, the correct way, the proper way, "
         "the correct order, the right order, in what order, which order, in this order, like a pro", 2),
    hint("Tutorial", N_("to save and follow later"),
         "save this, save it, save for later, save it for later, save this for later, save this post, "
         "bookmark this, bookmark, pin this, screenshot this, you'll thank us later, you'll thank me later, "
         "thank me later, thank us later", 2),
    hint("Tutorial", N_("shows how it is done"),
         "here's how, here is how, this is how you, this is how to, learn how, learn to, let me show you, "
         "we'll show you, i'll show you, follow along, so you don't have to, show you how, showing you how, "
         "we show you, we teach you, teach you, teaching you, let us teach you, we explain, explained, "
         "explainer", 2),
    hint("Tutorial", N_("the basics of a skill"),
         "101, basics, the basics, for beginners, beginner's guide, beginners guide, beginner friendly, "
         "beginner-friendly, guide to, a guide to, ultimate guide, cheat sheet, crash course, masterclass, "
         "mini lesson, quick lesson, lesson 1, lesson one, today's lesson", 2),
    hint("Tutorial", N_("a trick or method to use"),
         "hack, hacks, life hack, lifehack, tricks, trick to, the trick is, this trick, tips and tricks, "
         "secret to, the secret to, our method, my method, the method, technique, techniques, pro tip, "
         "protip, quick tip, top tips, diy, do it yourself", 2),
    hint("Tutorial", N_("mistakes to avoid"),
         "mistakes to avoid, common mistakes, mistakes you're making, mistakes everyone makes, "
         "mistakes people make, mistakes most people make, biggest mistake, easy fix, quick fix, "
         "avoid these, stop doing this, do's and don'ts, dos and donts, don't do this, what not to do, "
         "don't skip, never skip, do this instead, try this instead, stop ...ing your", 2),
    hint("Tutorial", N_("advice to follow"),
         "best time to, best way to, cue of the day, form cue, cues, posture, where to find, where to get, "
         "a local's list, a local's guide, locals' guide, insider tips, read this before, watch this before, "
         "before buying, before you buy, what to do in, what to see in, how i get, how i make, how i style, "
         "how i use, how i keep, how i wear, how i clean, how i do my, how i prep, how i organize, "
         "how i organise, what to wear, what to pack, what to bring, what to order, where to eat, "
         "where to stay, things to know, know before you go, before you go, how long to, how much to, "
         "when to use, how often to, you should always, you need to know, need to know, form check, "
         "proper form, correct form", 2),
    hint("Tutorial", N_("a routine or recipe's quantities"),
         "routine, ingredient, ingredients, no equipment, you'll need, you will need, what you need, "
         "measurements, quantities, ratio, 1 part, 2 parts, 3 parts, 4 parts, fix a, fix your, tbsp, tsp, "
         "tablespoon, tablespoons, teaspoon, teaspoons, a pinch of, preheat, whisk, simmer, stir in, "
         "mix until, bake for, at home, at-home, do it at home, make it at home, last longer, "
         "make it last", 1),
    hint("Tutorial", N_("exercises to follow"),
         "workout, reps, moves, rounds, stretch, stretches, stretching, warm up, warm-up, cool down, "
         "in 5 min, in 5 minutes, in 10 minutes, in 2 minutes, in 10 seconds, in 30 seconds, in 60 seconds, "
         "in under, 5-minute, 10-minute, 15-minute", 1),
    hint("Tutorial", N_("a tips or recipe hashtag"),
         "#...tips, #...tip, #...hacks, #...hack, #...tutorial, #...tutorials, #...recipe, #...recipes, "
         "#howto..., #learnontiktok, #learn...", 2),

    # Challenge: a dare, a trend to repeat, the audience's turn
    hint("Challenge", N_("the audience's turn"),
         "your turn, now it's your turn, it's your turn, now you try, try it and tag us, stitch us, duet us, "
         "tag us in yours, show us yours, post yours, duet your, stitch your, who's in, who's joining, "
         "are you in, join in, show us your, copy our, copy this, copy my, who's with us, who's with me, "
         "film it, film yourself, record yourself", 2),
    hint("Challenge", N_("a dare to beat"),
         "can you beat, beat our, beat my, beat that, beat the clock, can you do better, think you can, "
         "bet you can't, i dare you, we dare you, dare you, can you hold, can you finish, can you do it, "
         "who can finish, who can do, can you do this, can you name, try not to, recreate this, "
         "recreate our, recreate it, can you recreate, show us your best, send us your best, post your best, "
         "vs you, versus you, battle, showdown, face-off, face off", 2),
    hint("Challenge", N_("a trend to repeat"),
         "trend, trends, viral trend, tiktok trend, this trend, #...trend", 1),
    hint("Challenge", N_("a trend to repeat"),
         "try this trend, try the trend, tried the trend, tried this trend, trying the trend, "
         "trying this trend, doing the trend, did the trend, jumped on the trend, hopping on the trend, "
         "jumping on the trend, the viral", 1),
    hint("Challenge", N_("a set number of days"),
         "30 day, 30 days of, 7 days of, 14 day, 21 day, 100 day, 30-day, #30day..., #30days..., day 1 of, "
         "day 1/30, day 1/7, every day for, every day this month, all month long", 1),

    # Mini game: a prize to win, a guess, a draw
    hint("Mini game", N_("a prize to win"),
         "to win, chance to win, for a chance to, win a, win an, win one, win our, win this, win the, "
         "win free, win your, a chance at, for a chance, chance at, wins a, wins an, wins the, wins our, "
         "you could win, could win, win big, spin to win, up for grabs, it's yours, it could be yours, "
         "could be yours, #win", 2),
    hint("Mini game", N_("winners picked"),
         "winner, winners, lucky winner, one lucky, lucky follower, lucky winners, winners announced, "
         "winner announced, prizes, a prize, the prize, prize is, prize for, grand prize, prize pack, "
         "#winner, #prize", 2),
    hint("Mini game", N_("a prize draw"),
         "giving away, we're giving away, raffle, raffles, sweepstakes, sweepstake, lucky draw, prize draw, "
         "the draw, draw will be, drawing the winner, picking a winner, picking winners, pick a random, "
         "random follower, random winner, random comment, randomly selected, randomly chosen, "
         "picked at random, chosen at random", 3),
    hint("Mini game", N_("how to enter"),
         "to enter, how to enter, enter to win, enter now, entries, entries close, to participate, "
         "rules below, comment to win, comment to enter, tag 2 friends, tag two friends, tag 3 friends, "
         "tag three friends, follow + tag, follow and tag, follow & tag, like + follow, like and follow", 2),
    hint("Mini game", N_("a guess or riddle to answer"),
         "guess the, guess which, guess how many, guess where, can you guess, guess in the comments, "
         "guess below, guess in comments, guesses below, first to guess, guess right, guess correctly, "
         "correct guess, right guess, closest guess, take a guess, drop your guess, comment your guess, "
         "your guesses, riddle, riddles, brain teaser, brainteaser, first right answer, "
         "first correct answer, correct answer, right answer, closest answer, first to answer, "
         "first to comment, first person to, answer in the comments, answer in comments, answer below, "
         "comment your answer, drop your answer, caption this, best caption, caption contest, best answer, "
         "best comment, funniest comment, funniest answer", 2),
    hint("Mini game", N_("a game to play"),
         "spin the wheel, wheel of fortune, scratch card, scratch and win, scratch to win, lucky dip, "
         "hidden object, find the hidden, spot the difference, can you spot, can you find, where's the, "
         "help us name, name our new, name the new, suggest a name, two truths and a lie, "
         "2 truths and a lie, 2 truths 1 lie, i spy, play a game, let's play, play along, game time, "
         "this or that, bingo, treasure hunt, scavenger hunt, egg hunt, happy hunting, we hid, we've hidden, "
         "we have hidden, golden ticket", 2),

    # LIVE Q&A: a stream or questions answered (never the bare word "live": the rule words handle it)
    hint("LIVE Q&A", N_("a broadcast"),
         "on stream, on the stream, our stream, last stream, next stream, stream tonight, streaming tonight, "
         "we're streaming, going on air, on air, broadcast, broadcasting, tune in, tuning in, "
         "night's stream, tonight's stream, today's stream, yesterday's stream", 2),
    hint("LIVE Q&A", N_("questions answered"),
         "you asked we answered, we answered, we're answering, answering your, answering your questions, "
         "answered your questions, we answer your questions, your questions answered, see you on tiktok, "
         "join us on tiktok, catch us on tiktok, answer your questions, ask us anything, ask me anything, "
         "drop your questions, bring your questions, send your questions, send us your questions, "
         "leave your questions, your questions, questions below", 2),

    # Storytelling: the brand's past, a founder, a place's history
    hint("Storytelling", N_("the brand's beginnings"),
         "years ago, year ago, when we started, when i started, when we opened, when i opened, "
         "how it started, how it all started, how it began, how we started, how i started, "
         "where it all began, it all started, it all began, from the beginning, day one, since day one, "
         "years later, years on, our first customer, our very first, we started with, i started with, "
         "started out, started as, started from, our beginnings, origin story, founded, founder, founders, "
         "co-founder, back in 19..., back in 20..., since 19..., est. 19..., from a garage, from my kitchen, "
         "from my garage, from my apartment, from my bedroom, in my bedroom, from my living room, "
         "from a market stall, born in a, was born in, were born in, born from, born out of, opened in, "
         "opened this, opened the doors in", 2),
    hint("Storytelling", N_("a story told"),
         "the story of, story of how, the story behind, story behind, true story, a story, the day we, "
         "the day i, the night we, the year we, the year i, the time we, the time i, once upon a time, "
         "let me tell you, a thread, named after, named it after, in honour of, in honor of, in memory of, "
         "taught me, who taught me, passed on to me, a letter to, letter to my, my younger self, younger me, "
         "the night our, the day our, the day my, the night my, history, the history of, legend, "
         "the legend of, legend says, the real reason, the reason behind, the reason why we, was built in, "
         "were built in, built in 1..., dates back, documentary, mini documentary, mini-doc, docuseries, "
         "short film, our film", 2),
    hint("Storytelling", N_("a founder's choice"),
         "why we named, why we started, why i started, why i quit, why we quit, quit my job, left my job, "
         "quit my 9-5, quit my 9 to 5, left my corporate job, i quit, almost closed, nearly closed, "
         "almost quit, almost gave up, nearly gave up, we almost, i almost", 2),
    hint("Storytelling", N_("family and memories"),
         "my grandma, my grandmother, my grandpa, my grandfather, my mom, my mum, my dad, my mother, "
         "my father, my parents, family business, family-run, generations, generation, i used to, "
         "we used to, i was a, memories, remember when, throwback, #tbt, #throwback, looking back, "
         "years today, years in business, anniversary, why we, why i, grew into, became our, became a, "
         "started, began, for ... years, passed down, handed down, came from my, comes from my, "
         "great-grandmother, great-grandma, great-grandfather, great-grandpa, first ever, the very first, "
         "ten years, twenty years, five years, grandma, grandpa, grandmother, grandfather, in 19..., "
         "chapter 1, chapter one, chapter 2, episode 1, episode 2, episode 3, ep 1", 1),

    # Behind the scenes: the shop's own work and day
    hint("Behind the scenes", N_("behind the scenes"),
         "bloopers, blooper, blooper reel, outtakes", 3),
    hint("Behind the scenes", N_("the team at work with you"),
         "with me, #...withme, grwm, get ready with me, come with me, join me, spend the day with, watch us, "
         "watch me, a monday at, a tuesday at, a wednesday at, a thursday at, a friday at, a saturday at, "
         "a sunday at, a morning at, a shift at, a day at, a day with, a day in, day at the, a week in, "
         "a week at, vlog, #...vlog, shop vlog, week in my life, day in my life", 2),
    hint("Behind the scenes", N_("the work before opening or after closing"),
         "before we open, before opening, before the doors open, before the shop opens, opening up, "
         "opening shift, closing shift, closing up, after close, after closing, after hours, after service, "
         "morning prep, prep day, prep time, mise en place, what it takes, behind the counter, "
         "behind the bar, back of house, backstage, on set, packing orders, packing an order, "
         "packing your orders, pack orders, pack an order, pack your order, pack with me, order packing, "
         "packing day, making your, packing your, pouring your, wrapping your, baking your, roasting your, "
         "prepping your, quality check, quality control, studio tour, shop tour, bakery tour, kitchen tour, "
         "warehouse tour, roastery tour, where the magic happens, where all the magic happens, inventory, "
         "inventory day, stocktake, stock take, shipping day, ship day, packed by, boxes packed, "
         "packed with love, restocking the shelves, stocking the shelves, restocking shelves, "
         "stocking shelves, filming", 2),
    hint("Behind the scenes", N_("the making process"),
         "how it's made, how its made, how we make, how we roast, how we bake, how we brew, how we sew, "
         "how they're made, made by hand, handmade, the process, our process, process, in the making, "
         "roasting day, roast day, bake day, baking day, fresh batch, small batch, restocking, cleaning, "
         "setting up, set up, packing, sewing, roasting, baking, brewing, kneading, glazing, prepping, "
         "cupping, bagging, weighing, hand ...ed, one by one, by hand, unpacking, unloading, labelling, "
         "labeling, reset, deep clean, photoshoot, photo shoot, shoot day, late night, late at night, "
         "satisfying, asmr, rush, the rush, shift, 2am, 3am, 4am, 5am, 6am, our kitchen, our workshop, "
         "our roastery, our warehouse, our bakery, our studio, in the kitchen, in the workshop, "
         "meet the team, meet our team, our team, sneak peek, peek inside, peek into, inside our, "
         "a look inside", 1),

    # Duet / Stitch / UGC: the customers' photos and videos, reactions to them
    hint("Duet / Stitch / UGC", N_("the customers' own photos and videos"),
         "your photos, your videos, your pics, your posts, your looks, your creations, your bakes, "
         "your versions, your version, your setups, your outfits, your fits, your makes, your drawings, "
         "your reviews, your comments, your video, your photo, your submissions, you sent, you sent us, "
         "you guys sent, sent by you, made by you, shot by you, from our community, community photos, "
         "customer photos, customer videos, customer review, customer reviews, fan art, fanart, "
         "send us yours, from you guys, from you all, from our followers, from our customers, "
         "read every comment, reading every comment, reading comments, read your comments, best comments, "
         "top comments, you guys tried, you all tried, you made our, you recreated, you've been making", 2),
    hint("Duet / Stitch / UGC", N_("a reaction or reply to the customers"),
         "reacting to, react to, reacts to, reaction to, reacting, reading your, replying to your comment, "
         "reply to your comment, answering your comment, answering your comments, replying to your comments, "
         "green screen, greenscreen", 2),
    hint("Duet / Stitch / UGC", N_("a customer's video stitched or reposted"),
         "stitching @..., stitched @..., stitch @..., duetting, duetted, duet @..., video from @..., "
         "videos from @..., reposting, reposted, reposts, resharing, reshared, sharing your", 2),
    hint("Duet / Stitch / UGC", N_("the customers asked to tag the brand"),
         "tag us, keep tagging us, keep tagging, tagging us, thanks for tagging, you tagged us, tag us in, "
         "tagged us, use our hashtag, use the hashtag, this customer, one of our customers, customer sent, "
         "customers sent", 1),

    # Collab: a partner brand, a guest, something made together
    hint("Collab", N_("made together with a partner"),
         "teamed up, team up, teaming up, joined forces, join forces, joining forces, partnered with, "
         "partnering with, co-created, cocreated, co-designed, codesigned, x their, x our, x your, "
         "designed together, made together, created together, crossover", 3),
    hint("Collab", N_("a partner brand or creator"),
         "partnered, partnering, partner with, proud partner, official partner, proud sponsor, sponsor of, "
         "sponsoring, we sponsor, in partnership, partnership, collabo, takeover, takes over, took over, "
         "our friends at, our friends from, ambassador, ambassadors, gifted, #gifted, #sponsored, "
         "#ambassador", 2),
    hint("Collab", N_("an artist or maker credited"),
         "local artist, local artists, local maker, local makers, illustrated by, designed by, "
         "hand-painted by, artist edition", 1),
    hint("Collab", N_("a guest"),
         "book signing, signing with, meet the author, special guest, our guest, guest chef, guest barista, "
         "guest coach, guest instructor, guest artist, guest host, guest teacher, guest dj", 2),

    # Product: an offer to buy, stock, sizes, a discount
    hint("Product", N_("stock to buy"),
         "in stock, back in stock, restock, restocked, sold out, selling out, selling fast, almost gone, "
         "last few, spots left, seats left, places left, spots remaining, last spots, last few spots, "
         "only 1 left, only 2 left, only 3 left, only 4 left, only 5 left, limited stock, pre-order, "
         "preorder, pre-orders, preorders, pre order, now available, available in, available at, out now, "
         "just dropped, just landed, now in store, in store now, back by popular demand, limited edition, "
         "limited run, while stocks last, while supplies last, this week only, today only, limited time, "
         "staff pick, staff picks, staff favourite, staff favorite, team favourite, team favorite, "
         "team's favourite, team's favorite, back this week, back on the menu, back for a limited time, "
         "last call, final call, orders close, order by, order deadline, last chance to order, "
         "last day to order, newest, our newest, brand-new, brand new, bookings open, booking now open, "
         "registration open, registrations open, sign up now, sign-ups open, now comes in, also comes in, "
         "now available in, weekend special, daily special, today's special, specials, special of the day, "
         "this week's special, lunch special, seasonal special", 2),
    hint("Product", N_("an offer or discount"),
         "...% off, on sale, sale ends, flash sale, summer sale, winter sale, big sale, black friday, "
         "cyber monday, promo code, discount code, use code, with code, discount, promo, bogo, "
         "buy one get one, free shipping, free delivery, gift card, gift set, gift box, bundle, bundles", 2),
    hint("Product", N_("a way to order"),
         "shop now, order now, order yours, get yours, grab yours, dm to order, dm for price, link in bio, "
         "book now, book via, book your, booking, reserve your, tickets, ships, shipping, delivery, "
         "introducing, say hello to, meet the new, now serving, bestseller, best seller, best-selling, "
         "fan favourite, fan favorite, customer favourite, customer favorite", 1),
    hint("Product", N_("a range of sizes, colours or flavours"),
         "collection, new collection, capsule, sizes, size, colours, colors, colourways, colorways, shades, "
         "flavours, flavors, menu, new menu, seasonal menu, on the menu, 2 pack, 3 pack, 2-pack, 3-pack, "
         "multipack, value pack, ...ml, new drop, drops, dropping, it's back, weekends only, only weekends, "
         "per person, per night, a slice, per slice", 1),
    hint("LIVE Q&A", N_("a reminder for a broadcast"), "set a reminder, turn on notifications, turn on your notifications, "
         "hit the bell", 2),
    hint("LIVE Q&A", N_("a time to meet on TikTok"), "on tiktok, on our tiktok", 1),
]
# fmt: on
