"""French hints of an interaction format (see analytics.format_hints for the rules of this file)."""

from analytics.format_hints import hint
from analytics.i18n import N_

# Words English already has ("routine", "vlog", "trend", "promo", "collection", "menu", "diy") are left to
# en.py: a word in two groups would count twice.
# fmt: off
HINTS = [
    # Tutorial: étapes, façons de, on vous montre comment, conseils
    hint("Tutorial", N_("step by step"),
         "pas à pas, étape par étape", 3),
    hint("Tutorial", N_("steps to follow"),
         "étape 1, première étape, 2 étapes, 3 étapes, 4 étapes, 5 étapes, 6 étapes, 7 étapes, les étapes, "
         "quelques étapes, étapes simples, étapes faciles, le bon geste, les bons gestes, en 3 gestes, "
         "en 4 gestes, en 5 gestes, gestes simples", 2),
    hint("Tutorial", N_("ways to do something"),
         "façons, façons de, manières de, 2 manières, 3 manières, 4 manières, 5 manières, la bonne façon, "
         "la meilleure façon, la bonne manière, la meilleure manière, dans l'ordre, dans cet ordre, "
         "dans quel ordre, l'ordre de, comme un pro, comme une pro, ordre d'application, "
         "mode d'application", 2),
    hint("Tutorial", N_("to save and follow later"),
         "enregistre, enregistrez, enregistre-la, enregistrez-la, à enregistrer, enregistre pour plus tard, "
         "garde cette vidéo, gardez cette vidéo, à garder sous le coude, à garder, sauvegarde, sauvegardez, "
         "à sauvegarder, épingle-la", 2),
    hint("Tutorial", N_("shows how it is done"),
         "on vous montre, je vous montre, on te montre, je te montre, vous montre comment, on vous apprend, "
         "je vous apprends, on t'apprend, je t'apprends, apprenez à, apprends à, apprendre à, "
         "on vous explique, je vous explique, on t'explique, je t'explique, on vous dit tout, "
         "je vous dis tout, on vous dit comment, tout savoir, décrypte, décryptage, on décrypte, à retenir, "
         "retenez bien, pour réussir, pour bien réussir, expliqué, expliquée, expliqués, expliquées, "
         "explications, voici comment, voilà comment, comment on fait, comment je fais, comment ...er, "
         "comment ...ir, comment bien, comment prendre, comment mettre, comment lire, comment boire, "
         "comment coudre, comment cuire, comment peindre, comment reconnaître, comment rendre", 2),
    hint("Tutorial", N_("the basics of a skill"),
         "pour débutants, pour débutantes, pour les débutants, débutant, débutante, débutants, débutantes, "
         "pour les nuls, les bases, les bases de, b.a.-ba, mode d'emploi, guide complet, petit guide, "
         "suivez le guide, règles d'or, règle d'or, leçon, leçons, petite leçon", 2),
    hint("Tutorial", N_("advice to follow"),
         "où trouver, bonnes adresses, nos bonnes adresses, nos adresses, le geste du jour, geste du jour, "
         "conseil, conseils, nos conseils, mes conseils, conseil du jour, conseil de pro, conseils de pro, "
         "le secret pour, le secret d'un, le secret d'une, la méthode, ma méthode, notre méthode, "
         "erreurs à éviter, erreur à éviter, les erreurs, à éviter, à ne pas faire, "
         "ce qu'il ne faut pas faire, bon à savoir, ce qu'il faut savoir, il faut savoir, "
         "le meilleur moment pour, meilleur moment pour, que faire à, quoi faire à, où manger, où dormir, "
         "quoi mettre, que mettre, quoi porter, que porter, quoi emporter, avant d'acheter, "
         "avant de commencer, avant de vous lancer, que faire de, quoi faire de, que faire avec, "
         "quoi faire avec, zéro gaspi, anti-gaspi, avant de partir, avant de venir, à faire soi-même", 2),
    hint("Tutorial", N_("exercises or a recipe's quantities"),
         "exos, exercices, exercice, à faire chez soi, à faire à la maison, à faire au bureau, "
         "à faire chez vous, réparer, faire durer, pour faire durer, sans machine, c'est facile, "
         "facile à faire, il vous faut, il te faut, vous aurez besoin, quantités, proportions, dosage, "
         "dosages, cuillère à soupe, cuillère à café, c. à soupe, une pincée, préchauffez, mélangez, "
         "fouettez, versez, laissez reposer, laissez infuser, faites chauffer, rincez, appliquez, massez, "
         "gainage, étirements, échauffement, abdos, fentes, répétitions, en 2 min, en 5 min, en 10 min, "
         "en 2 minutes, en 5 minutes, en 10 minutes, en 30 secondes, en 1 minute, bien ...er, bien ...ir", 1),
    hint("Tutorial", N_("a tips or recipe hashtag"),
         "#...astuce, #...astuces, #...tuto, #...conseils, #...recette, #...recettes, #apprendre...", 2),

    # Challenge: à ton tour, qui relève, battez notre record
    hint("Challenge", N_("the audience's turn"),
         "à vous de jouer, à toi de jouer, à ton tour, à votre tour, votre tour, ton tour, qui relève, "
         "relevez le défi, relève le défi, relevez, qui est partant, qui est partante, qui est chaud, "
         "qui est chaude, qui ose, qui osera, qui arrive à, qui réussit à, qui réussira, qui tiendra, "
         "qui fera mieux, qui fait mieux, qui peut faire mieux, faire mieux que, faites mieux, fais mieux, "
         "cap ou pas cap, t'es cap, êtes-vous cap, chiche, qui tiendrait, tenir plus longtemps, "
         "montrez-nous votre, montrez-nous vos, montre-nous ton, montre-nous ta, copiez, recopiez, imitez, "
         "copie notre, faites la même chose, fais la même chose, faites pareil, fais pareil, vous arrivez à, "
         "tu arrives à, arriverez-vous, arrives-tu, qui y arrive, un mois sans, une semaine sans, "
         "qui nous suit, qui me suit, postez la vôtre, postez le vôtre, postez les vôtres, "
         "qui fera la plus belle, qui fera le plus beau, qui fera la meilleure, qui fera le meilleur, "
         "essayez de ne pas, essaie de ne pas, reproduisez, reproduis, refaites, refais, recréez, recrée", 2),
    hint("Challenge", N_("a record to beat"),
         "notre record, mon record, votre record, ton record, battre le record, battre notre, battez notre, "
         "bats notre, battre mon, le chrono, contre la montre", 2),
    hint("Challenge", N_("a trend to repeat"),
         "testé la trend, teste la trend, testé le trend, teste le trend, fait la trend, fait le trend, "
         "la trend du, le trend du, tendance tiktok", 1),
    hint("Challenge", N_("a set number of days"),
         "30 jours, 21 jours, 14 jours, 100 jours, jour 1, #30jours...", 1),
    hint("Challenge", N_("the audience's best to show"),
         "votre plus beau, votre plus belle, votre meilleur, votre meilleure, ton plus beau, ta plus belle, "
         "ton meilleur, ta meilleure", 1),

    # Mini game: à gagner, gagnants, tirage au sort, devinez
    hint("Mini game", N_("a prize to win"),
         "à gagner, pour gagner, gagnez, tentez de gagner, tente de gagner, tentez votre chance, "
         "tenter votre chance, tenter ta chance, tenter sa chance, tente ta chance, remportez, à remporter, "
         "pour remporter, gagnera, gagneront, lots à gagner, fait gagner, faire gagner, on vous fait gagner, "
         "personne chanceuse, un chanceux, une chanceuse, gagne un, gagne une, gagnera un, gagnera une, "
         "remporte un, remporte une, l'emporte, repart avec, #gagner, #agagner", 2),
    hint("Mini game", N_("winners picked"),
         "le gagnant, la gagnante, les gagnants, les gagnantes, heureux gagnant, heureuse gagnante, "
         "1 gagnant, 2 gagnants, 3 gagnants, 5 gagnants, 10 gagnants, gagnant annoncé, gagnants annoncés, "
         "gagnant sera, gagnante sera, #gagnant", 2),
    hint("Mini game", N_("a prize draw"),
         "au sort, tombola, loterie, chasse au trésor, chasse aux trésors", 3),
    hint("Mini game", N_("a prize draw"),
         "tirage, tirages", 1),
    hint("Mini game", N_("how to enter"),
         "pour participer, comment participer, pour jouer, comment jouer, règlement du jeu, "
         "conditions de participation, identifie 2 ami, identifie 2 amis, identifie 2 amies, "
         "identifie 3 amis, identifie un ami, identifie une amie, identifie tes amis, identifie tes potes, "
         "identifiez 2 amis, identifiez un ami, identifiez vos amis, tague 2 amis, tague un ami, "
         "taguez vos amis, mentionne 2 amis, mentionne un ami, mentionnez 2 amis, mentionnez un ami, "
         "invite 2 amis", 2),
    hint("Mini game", N_("a guess or riddle to answer"),
         "devinez le, devinez la, devinez les, devinez combien, devinez quel, devinez quelle, devinez où, "
         "devine le, devine la, devine combien, devine quel, devine quelle, devinette, devinettes, "
         "qui devine, saurez-vous, sauras-tu, énigme, énigmes, charade, rébus, la bonne réponse, "
         "bonne réponse, bonnes réponses, la réponse la plus proche, réponse la plus proche, le plus proche, "
         "premier à trouver, première à trouver, le premier qui, la première qui, premier à répondre, "
         "premiers à répondre, la première personne, on a caché, nous avons caché, j'ai caché, caché dans, "
         "cachée dans, cachés dans, cachées dans, un indice, indices, nouvel indice, l'intrus, "
         "trouve l'intrus, trouvez l'intrus, trouve l'erreur, trouvez l'erreur, cherche l'erreur, "
         "les 7 différences, jeu des différences, le commentaire le plus drôle, commentaire le plus drôle, "
         "le meilleur commentaire, la meilleure réponse", 2),
    hint("Mini game", N_("a game to play"),
         "trouvez un nom, aidez-nous à trouver un nom, aidez-nous à nommer, baptisez, "
         "2 vérités et 1 mensonge, deux vérités et un mensonge, 2 vérités et un mensonge, grattez, "
         "à gratter, ticket à gratter, tickets à gratter, carte à gratter, tournez la roue, tourne la roue, "
         "faites tourner la roue, fais tourner la roue, roue de la fortune", 2),

    # LIVE Q&A: questions answered, a replay (never a bare "live" / "en direct": the rule words handle them)
    hint("LIVE Q&A", N_("questions answered"),
         "posez vos questions, posez-nous vos questions, posez-moi vos questions, pose tes questions, "
         "vos questions, toutes vos questions, on répond à vos questions, je réponds à vos questions, "
         "répondre à vos questions, réponses à vos questions, on répond à tout, foire aux questions, faq", 2),
    hint("LIVE Q&A", N_("a broadcast or its replay"),
         "rediffusion, rediff, en différé, sur le stream, en stream, on vous attend sur tiktok, "
         "rendez-vous sur tiktok, rdv sur tiktok, retrouvez-nous sur tiktok, séance de questions, "
         "session de questions, heure de questions, questions en direct", 2),

    # Storytelling: il y a 10 ans, quand on a commencé, pourquoi j'ai quitté
    hint("Storytelling", N_("the brand's beginnings"),
         "il y a ... ans, il y a ... années, y a ... ans, quand on a commencé, quand j'ai commencé, "
         "quand on a ouvert, quand j'ai ouvert, quand on s'est lancés, quand je me suis lancée, "
         "quand je me suis lancé, tout a commencé, tout commence, au tout début, nos débuts, mes débuts, "
         "à nos débuts, les débuts, depuis le début, fondé en, fondée en, créé en, créée en, ouvert en, "
         "ouverte en, depuis 19..., née dans, né dans, est née dans, est né dans, née d'une, né d'une, "
         "née d'un, né d'un", 2),
    hint("Storytelling", N_("a story told"),
         "le jour où, la fois où, l'année où, la nuit où, ce jour-là, il était une fois, histoire vraie, "
         "derrière ce nom, derrière le nom, pourquoi ce nom, d'où vient, d'où viennent, à l'origine, "
         "les origines, l'origine de, la petite histoire, la légende, légende, documentaire, notre film, "
         "court-métrage, voici pourquoi, à l'époque, autrefois, jadis, avant c'était, quand j'avais, "
         "quand elle avait, quand il avait, notre plus ancienne, notre plus ancien, notre aventure, "
         "cette aventure, ans d'aventure, l'aventure a commencé, porte son nom, porte le nom, donné son nom, "
         "en hommage à, en mémoire de, baptisé, baptisée, m'a appris, m'ont appris, m'a transmis, "
         "m'ont transmis", 2),
    hint("Storytelling", N_("a founder's choice"),
         "j'ai quitté, j'ai tout quitté, tout quitter, tout plaquer, tout lâcher, quitté mon, mon cdi, "
         "reconversion, me reconvertir, pourquoi j'ai, pourquoi on a, pourquoi nous avons, on a failli, "
         "j'ai failli, a failli, avons failli, failli fermer, failli abandonner, un jour j'ai, un jour on a, "
         "mon parcours, notre parcours, son parcours, leur parcours, j'ai ouvert, nous avons ouvert, "
         "j'ai fondé, j'ai créé ma, j'ai lancé ma, ma première boutique, notre première boutique, "
         "mon premier atelier, notre premier atelier", 2),
    hint("Storytelling", N_("family and memories"),
         "ma grand-mère, mon grand-père, mamie, mémé, pépé, ma mère, mon père, ma maman, mon papa, "
         "mes parents, en famille, entreprise familiale, affaire de famille, de génération en génération, "
         "je me souviens, on se souvient, nostalgie, depuis ... ans, ans déjà, retour sur, le tout premier, "
         "la toute première, notre premier client, notre première cliente, dix ans, vingt ans, cinq ans, "
         "quinze ans, trente ans, j'étais, nous étions, chapitre 1, chapitre un, chapitre 2, est devenu, "
         "est devenue, sont devenus, ... ans de", 1),

    # Behind the scenes: avec moi, une journée à, avant l'ouverture, on emballe
    hint("Behind the scenes", N_("behind the scenes"),
         "coulisse, en coulisse, l'envers du décor, envers du décor", 3),
    hint("Behind the scenes", N_("the team at work with you"),
         "avec moi, prépare-toi avec moi, viens avec moi, on vous emmène, je vous emmène, je t'emmène, "
         "on t'emmène, une journée avec, une journée à, une journée au, une journée chez, une journée dans, "
         "journée d'un, journée d'une, journée type, ma journée, notre journée, 24h avec, 24h à, 24h au, "
         "24h chez, 24h dans, une matinée à, une matinée au, une matinée chez, une matinée avec, un lundi à, "
         "un mardi à, un mercredi à, un jeudi à, un vendredi à, un samedi à, un dimanche à, un matin à, "
         "une soirée à, dans la peau, petit tour en, petit tour dans, petit tour à, on vous fait visiter, "
         "visite de l'atelier, petite visite, visite de notre, visite de nos, coup d'œil sur, "
         "coup d'oeil sur", 2),
    hint("Behind the scenes", N_("the work before opening or after closing"),
         "avant l'ouverture, avant d'ouvrir, avant ouverture, à l'ouverture, après la fermeture, "
         "après fermeture, à la fermeture, après le service, en plein service, coup de feu, en cuisine, "
         "derrière le comptoir, derrière le bar, emballe, emballer, on emballe, j'emballe, emballons, "
         "préparation des commandes, préparation de commande, préparation de vos commandes, "
         "on prépare vos commandes, je prépare vos commandes, on prépare les commandes, vos colis, "
         "les colis, on expédie, mise en rayon, inventaire, installation du stand, "
         "installation de notre stand, les étagères, des étagères", 2),
    hint("Behind the scenes", N_("the making process"),
         "fabrication, la fabrication, confection, torréfaction, on torréfie, fournée, pétrissage, cuisson, "
         "réglage, réglages, nettoyage, on nettoie, rangement, on range, ménage, on prépare, je prépare, "
         "on installe, notre équipe, la team, notre team, cousu main, cousus main, cousue main, "
         "cousues main, un par un, une par une, un à un, ensachage, étiquetage, entrepôt, notre entrepôt, "
         "on déballe, réception des, les mains de, entre les mains, nos mains, à la main, broderie, "
         "on brode, montage du stand, montage de notre, notre stand, satisfaisant, 4h du matin, 5h du matin, "
         "6h du matin, dès 5h, dès 6h, dans l'atelier, à l'atelier, notre atelier, au labo, notre labo, "
         "en réserve", 1),

    # Duet / Stitch / UGC: vos photos, on reposte, on réagit, #duo (TikTok's French name for a duet)
    hint("Duet / Stitch / UGC", N_("a duet"),
         "#duo", 3),
    hint("Duet / Stitch / UGC", N_("a duet"),
         "en duo avec, duo avec vous, duo avec nous, faites un duo, fais un duo", 2),
    hint("Duet / Stitch / UGC", N_("a video reply to a comment"),
         "en vidéo à @..., en réponse à @...", 3),
    hint("Duet / Stitch / UGC", N_("a repost of the customers' videos"),
         "reposte, repostons, on reposte, reposté, repostée, repostés, repostées, repartage, repartagé, "
         "repartager, on repartage", 3),
    hint("Duet / Stitch / UGC", N_("the customers' own photos and videos"),
         "vos photos, vos vidéos, vos créations, vos réalisations, vos looks, vos tenues, vos avis, "
         "vos retours, ta vidéo, votre vidéo, ta photo, votre photo, vos commentaires, vos dessins, "
         "vos versions, votre version, vous avez envoyé, vous m'avez envoyé, vos envois, vos plus belles, "
         "on partage vos, nous partageons vos, vous nous envoyez, vous nous avez envoyé, envoyées par, "
         "envoyés par, partagées par, partagés par, vos partages, on lit vos, je lis vos, on réagit, "
         "je réagis, on réagit à, réaction à, réactions à, nos réactions, vous avez testé, vous avez essayé, "
         "vous avez réalisé, vous avez refait", 2),
    hint("Duet / Stitch / UGC", N_("the customers asked to tag the brand"),
         "identifiez-nous, identifie-nous, mentionnez-nous, mentionne-nous, taguez-nous, tague-nous, "
         "taggez-nous, cette cliente, ce client, une de nos clientes, un de nos clients, nous identifier, "
         "nous mentionner, nous taguer, en nous identifiant, en nous mentionnant, avec notre hashtag, "
         "avec le hashtag, utilisez le hashtag, notre hashtag", 1),

    # Collab: on s'associe, imaginé avec, nos amis de, notre invitée
    hint("Collab", N_("two brands paired"),
         "x leur, x leurs, x notre, x nos", 3),
    hint("Collab", N_("made with a partner"),
         "on s'associe, s'associe avec, on s'allie, s'allie avec, s'allient, en alliance avec, s'associent, "
         "associé à, associée à, associés à, en association avec, main dans la main avec, imaginé avec, "
         "imaginée avec, imaginés avec, conçu avec, conçue avec, co-créé, cocréé, co-création, cocréation, "
         "co-signé, co-signée, cosigné, cosignée, carte blanche, aux commandes de, prend les rênes, "
         "dessiné avec, dessinée avec, pensé avec, pensée avec, nos amis de, nos copains de, nos potes de, "
         "nos voisins de, chez nos amis, ambassadrice, ambassadeur, ambassadeurs, ambassadrices, "
         "#partenariat, avec l'artiste, avec l'illustratrice, avec l'illustrateur, avec la céramiste, "
         "avec le céramiste, avec la créatrice, avec le créateur, avec l'artisane, avec l'artisan, "
         "avec l'autrice, avec l'auteur", 2),
    hint("Collab", N_("a guest"),
         "notre invité, notre invitée, nos invités, invité spécial, invitée spéciale, invité du mois, "
         "invitée du mois, dédicace, dédicaces, en dédicace, séance de dédicace, séance dédicace", 2),

    # Product: en stock, précommande, code promo, disponible
    hint("Product", N_("stock to buy"),
         "en stock, retour en stock, de retour en stock, réassort, réassorts, réapprovisionné, "
         "rupture de stock, en rupture, victime de son succès, derniers exemplaires, dernières pièces, "
         "dernières tailles, dernières places, places restantes, dernier exemplaire, il ne reste que, "
         "plus que 1, plus que 2, plus que 3, plus que 4, plus que 5, plus que 10, quantités limitées, "
         "stock limité, précommande, pré-commande, précommandes, pré-commandes, en précommande, enfin dispo, "
         "enfin disponible, enfin disponibles, disponible dès, disponibles dès, dispo dès, "
         "disponible en boutique, disponibles en boutique, dispo en boutique, disponible sur, "
         "disponibles sur, dispo sur, disponible en ligne, en vente, mise en vente, nouvel arrivage, "
         "arrivage, édition limitée, série limitée, nouveautés, nouvelle carte, nouvelle gamme, "
         "nouveaux modèles, nouveaux coloris, nouvelles couleurs, nouvelles saveurs, nouvelle saveur, "
         "nouveaux parfums, nouveau parfum, existe maintenant en, existe aussi en, existe en, "
         "désormais disponible, maintenant disponible, ouverture des réservations, réservations ouvertes, "
         "inscriptions ouvertes, ouverture des inscriptions, inscrivez-vous", 2),
    hint("Product", N_("an offer or discount"),
         "...% sur, ...% de réduction, ...% de remise, code promo, soldes, promotion, promotions, remise, "
         "réduction, offre spéciale, offre de lancement, prix de lancement, livraison offerte, "
         "frais de port offerts, offre du mois, offre de la semaine, offre du moment, 1 offert, 1 offerte, "
         "achetés, achetées, carte cadeau, cartes cadeaux, coffret, coffrets", 2),
    hint("Product", N_("a way to order"),
         "disponible, disponibles, dispo, dispos, commandez, commande, commandes, à commander, commander, "
         "réservez, réserve ta, réservez votre, réservation, sur réservation, billetterie, lien en bio, "
         "en boutique, en magasin, sur l'e-shop, sur le site, e-shop, eshop, livraison, on livre, "
         "click and collect, nos incontournables, je vous présente, on vous présente, voici notre, "
         "voici nos, sont arrivés, sont arrivées, est arrivé, est arrivée", 1),
    hint("Product", N_("a range of sizes, colours or flavours"),
         "coloris, tailles, taille unique, la carte, à la carte, au menu, formule, formules, par personne, "
         "la séance, le pot, le flacon", 1),
    hint("LIVE Q&A", N_("a reminder for a broadcast"), "activez la cloche, activez les notifications, active la cloche, "
         "activez la notif", 2),
    hint("LIVE Q&A", N_("a broadcast"), "notre diffusion, en diffusion, sur tiktok, sur notre tiktok", 1),
]
# fmt: on
