"""Spanish (Latin America) hints of an interaction format (see analytics.format_hints for the rules of this file).

"cómo" is only used before a verb ("cómo doblar"): bare "como" is "like". "cara" (face), "carta" (a menu or
a lotería card), "juego" (a set: "juego de sábanas"), "regalo" (a gift to buy) and "nuevo" alone are left out.
"""

from analytics.format_hints import hint
from analytics.i18n import N_

# fmt: off
HINTS = [
    # Tutorial
    hint("Tutorial", N_("steps to follow"), "te enseñamos, te enseño, les enseñamos, les enseño, te explicamos, "
         "te explico, les explico, les explicamos, aprende a, aprendé a, aprendan a, aprender a, "
         "te muestro cómo, te mostramos cómo, les muestro cómo, les mostramos cómo, así se hace, "
         "hazlo en casa, hazlo tú mismo, hazlo tu mismo, hazlo conmigo, hagan conmigo, entrena conmigo, "
         "entrenen conmigo, sígueme el paso", 2),
    hint("Tutorial", N_("how to do it"), "cómo leer, cómo tomar, cómo medir, cómo pelar, cómo cortar, cómo atar, "
         "cómo regar, cómo plantar, cómo empezar, nadie te dice, nadie te cuenta, lo que nadie te dice, "
         "la forma más fácil de, la manera más fácil de, la mejor forma de, la mejor manera de, cómo saber, "
         "cómo identificar, cómo reconocer, cómo distinguir, te lo explico, se los explico, "
         "te lo explicamos, como un pro, como una pro, nivel pro, cómo se pone, cómo se aplica, "
         "cómo se limpia, cómo se lava, cómo se guarda, cómo se come, cómo se toma, para hacer en casa, "
         "pa hacer en casa, que puedes hacer en casa, cómo usar, cómo usarlo, cómo usarla, cómo aplicar, "
         "cómo doblar, cómo limpiar, cómo combinar, cómo elegir, cómo escoger, cómo cuidar, cómo guardar, "
         "cómo organizar, cómo lograr, cómo conseguir, cómo armar, cómo maquillar, cómo peinar, "
         "cómo planchar, cómo lavar, cómo conservar, cómo moler, cómo cocinar, cómo hornear, cómo servir, "
         "cómo llevar, cómo quitar, cómo evitar, cómo corregir, cómo corregirlo, cómo hacerlo, cómo hacerla, "
         "cómo se hace, cómo se usa, cómo se prepara, formas de usar, formas de llevar, formas de combinar, "
         "maneras de usar, maneras de llevar, maneras de combinar, ideas para combinar, formas de ...ar, "
         "formas de ...er, formas de ...ir, maneras de ...ar, maneras de ...er, maneras de ...ir, "
         "te digo cómo, te cuento cómo, les cuento cómo, les digo cómo, así se arma, así se prepara, "
         "así se usa, así se aplica, el orden correcto, la forma correcta de, la manera correcta de", 2),
    hint("Tutorial", N_("a tip or a recipe"), "consejo, consejos, truco, truquito, trucazo, tutoriales, "
         "recetita, tip del día, guía rápida, guía completa, guía para, modo de preparación, "
         "preparación paso, paso por paso", 2),
    hint("Tutorial", N_("quantities to follow"), "cucharadas, cucharada de, cucharaditas, cucharadita de, "
         "tazas de, taza de, gramos de, mezcla, mezclamos, agrega, añade, licúa, hornea por, hornear por", 1),
    hint("Tutorial", N_("save it for later"), "guárdalo, guárdala, guárdalos, guárdalas, guárdenlo, guárdenla, "
         "guarda este video, guarda este post, guarda esta receta, guárdate este, guárdate esta", 2),
    hint("Tutorial", N_("numbered steps"), "paso 1, paso uno, primer paso, pasos para, pasos fáciles, "
         "pasos sencillos, en 3 pasos, en 4 pasos, en 5 pasos, en tres pasos, en cuatro pasos, "
         "en cinco pasos", 2),
    hint("Tutorial", N_("a routine or exercises to follow"), "método, antes de comprar, qué llevar, qué empacar, "
         "lista completa, checklist, para empezar a, si eres nuevo, recetas, ejercicios, pasos, pasitos, "
         "rutina, rutinas de, hábitos, estiramientos, estiramiento, calentamiento, sigue el video, "
         "ejercicios para, ejercicios de, para principiantes, el secreto para, el secreto de, ingredientes, "
         "errores que", 1),
    # Challenge
    hint("Challenge", N_("a challenge hashtag or a dare"), "#reto..., #desafio..., #...desafio, te reto, "
         "los reto, las reto, les reto, te retamos, los retamos, te desafío, los desafío, te desafiamos, "
         "los desafiamos", 3),
    hint("Challenge", N_("a dare to the audience"), "intenta no, intenten no, trata de no, solo el 1%, solo 1%, "
         "el 99% no, cuántos haces, cuántas haces, el que termine, la que termine, quien termine, "
         "el que se coma, quien se coma, te atreves, nadie lo terminó, nadie la terminó, nadie pudo, "
         "te atrevés, atrévete, se atreven, quién se atreve, quién aguanta, aguantas, cuántos aguantas, "
         "cuántas aguantas, cuántos puedes, cuántas puedes, bate nuestro, bate mi, supera nuestro, "
         "supera mi, rompe el récord, si lo terminas, si te lo acabas, si te la acabas", 2),
    hint("Challenge", N_("the audience's turn"), "cada vez que veas, recrea, recreen, recréalo, súbelo con #..., "
         "sube tu video con #..., usa el #..., usen el #..., con el hashtag, ahora les toca, ahora te toca, "
         "te toca a ti, tu turno, su turno, es tu turno, haz tu versión, hagan su versión, "
         "muéstranos tu versión, graba tu versión, inténtalo y súbelo, inténtalo y sube, súbelo, súbanlo, "
         "sube el tuyo, usa nuestro sonido, usa este sonido, usa este audio, usa nuestro audio, "
         "usen el audio", 2),
    hint("Challenge", N_("a trend or a dare"), "súmate, súmense, tu versión, su versión, tabla de posiciones, "
         "quién llega primero, baila con nosotros, bailen con nosotros, ahora ustedes, el trend, la trend, "
         "este trend, esta trend, un trend, tendencia, inténtalo, inténtenlo, intenten, coreografía, coreo, "
         "este baile, ese baile, bailen, quién se une, quién se suma, quién se anima, te animas, se animan, "
         "no pagas, te sale gratis, grábate, grábense", 1),
    # Mini game
    hint("Mini game", N_("a prize draw"), "sorteamos, sortear, sorteará, sortearemos, sorteando, sortea, "
         "sorteados, sorteadas, rifa, rifas, rifamos, rifando", 3),
    hint("Mini game", N_("a prize to win"), "premiamos, premiaremos, ganador, ganadores, ganadora, ganadoras, "
         "dinámica, regalamos, regalaremos, vamos a regalar, para participar, cómo participar, "
         "participantes", 2),
    hint("Mini game", N_("a game to play"), "qué ... eres, qué ... sos, según tu signo, búsqueda del tesoro, "
         "caza del tesoro, búsqueda de huevos, caza de huevos, busca los huevos, encuentra los huevos, "
         "elige un número, escoge un número, elige una carta, adivina, adivinas, adiviná, adivinen, "
         "adivinan, adivinar, adivinanza, adivinanzas, quien adivine, quién acierte, quien acierte, acierte, "
         "acierta, aciertan, acierten, el que más se acerque, la que más se acerque, quien más se acerque, "
         "el primero en, la primera en, los primeros en, encuentra el error, encuentra la diferencia, "
         "encuentra las diferencias, encuentren el, completa la frase, termina la frase, completen la frase, "
         "lotería, bingo, ruleta, gira la ruleta, raspadita, jueguito", 2),
    hint("Mini game", N_("a prize or how to enter"), "más likes, se lleva el, se lleva la, se lleva un, "
         "se lleva una, se llevan, premio, premios, gana, ganá, ganar, gánate, ganan, participa por, "
         "participa y, participen, el primero que, la primera que, escondido, escondida, escondidos, "
         "escondidas, entre los comentarios, entre quienes comenten, entre todos los que, etiqueta a, "
         "etiqueten a, menciona a, mencionen a", 1),
    # LIVE Q&A (never the bare LIVE words: the caption rules check those)
    hint("LIVE Q&A", N_("a broadcast"), "el directo, del directo, nuestro directo, un directo, los directos", 2),
    # "transmitimos el partido": a match shown in a bar is a broadcast too, so this only suggests a LIVE
    hint("LIVE Q&A", N_("a broadcast"), "transmisión, transmisiones, transmitimos, transmitiremos, "
         "en transmisión", 1),
    hint("LIVE Q&A", N_("questions answered"), "contestamos todas sus preguntas, "
         "respondemos todas sus preguntas, contestamos todas tus preguntas, respondemos todas tus preguntas, "
         "respondemos todas las preguntas, contestamos todas las preguntas, resolvemos tus dudas, "
         "resolvemos sus dudas, resolviendo dudas, resolviendo sus dudas, contestamos todo, "
         "contestamos sus preguntas, contestamos tus preguntas, respondemos sus preguntas, "
         "respondemos tus preguntas, respondiendo sus preguntas, traigan sus preguntas, trae tus preguntas, "
         "déjanos tus preguntas, dejen sus preguntas, pregúntennos, nos conectamos, responde sus preguntas, "
         "responde tus preguntas, responde sus dudas, responde tus dudas", 1),
    # Storytelling
    hint("Storytelling", N_("how the brand began"), "crecí, por eso hago, por eso hacemos, le pusimos el nombre, "
         "lleva el nombre de, en honor a, cómo pasamos de, lo que aprendí, lo que aprendimos, se llama así, "
         "por eso se llama, nuestra marca se llama, por eso nos llamamos, cuando empezamos, así empezamos, "
         "así arrancamos, así comenzamos, así empezó todo, viene de mi, viene de nuestra familia, "
         "viene de mis, empecé a, empecé vendiendo, empezamos vendiendo, comencé a, comencé vendiendo, "
         "tienda propia, cuando abrimos, cuando comenzamos, cuando arrancamos, cuando empecé, cuando abrí, "
         "cuando comencé, todo empezó, todo comenzó, así empezó, así nació, así comenzó, así surgió, "
         "de ahí salió, de ahí nació, de ahí surgió, lo empezó, la empezó, lo fundó, la fundó, "
         "nuestros inicios, los inicios, desde el inicio, desde el principio, nació en, nació de, "
         "nació como, empezó en, empezó como, comenzó en, comenzó como, fundador, fundadora, fundadores, "
         "fundamos, fundada en, fundado en, renuncié, dejé mi trabajo, lo dejé todo, dejé todo, de niña, "
         "de niño, cuando era niña, cuando era niño, cuando era chica, cuando era chico, recuerdo cuando, "
         "me acuerdo cuando, el nombre viene, por qué decidí, por qué decidimos, por qué nos llamamos, "
         "nuestro nombre, documental, nuestro documental", 2),
    hint("Storytelling", N_("years gone by"), "hace una década, hace décadas, hace un año, hace ... años, "
         "años atrás, ... años después, en aquel entonces, en esa época, de generación en generación, "
         "herencia familiar, tradición familiar", 2),
    hint("Storytelling", N_("the family behind it"), "mi abuela, mi abuelo, mis abuelos, mi bisabuela, "
         "mi bisabuelo, mi mamá, mi papá, mi madre, mi padre, mis padres, mi tía, mi tío, nuestra familia, "
         "mi familia", 1),
    hint("Storytelling", N_("a milestone looked back on"), "pequeño sueño, ya tiene ... años, no fue fácil, "
         "primer local, primera tienda, primer puesto, emprendiendo, años de emprender, mi primer, "
         "mi primera, nuestro primer, nuestra primera, cumplimos ... años, a los ... años, pandemia, "
         "sobrevivimos, lo logramos, mi sueño, la primera vez que, nuestro sueño, primera venta, "
         "primer cliente, en 197..., en 198..., en 199..., en 200..., en 201..., desde 197..., desde 198..., "
         "desde 199..., desde 200..., desde 201...", 1),
    hint("Storytelling", N_("a memory told"), "vendía, hacía, cosía, trabajaba, tenía, vendíamos, hacíamos, "
         "teníamos, trabajábamos, cocinábamos, vivíamos, soñábamos, empezábamos, yo vendía, yo hacía, "
         "yo tenía, yo trabajaba", 1),
    # Behind the scenes
    hint("Behind the scenes", N_("the shop's own day"), "de la próxima colección, para la próxima temporada, "
         "el equipo ...ando, el equipo ...iendo, nuestro equipo ...ando, nuestro equipo ...iendo, "
         "esto no se ve, nadie ve, nuestro día empieza, mi día empieza, nuestro día comienza, así armamos, "
         "así cosemos, así envolvemos, así servimos, así cocinamos, últimos detalles, preparativos, "
         "antes de la apertura, antes de la inauguración, un día en la vida, un día conmigo, "
         "un día de trabajo, un día normal, arréglate conmigo, alístate conmigo, prepárate conmigo, "
         "empaca conmigo, empaca un pedido, empacando, empaquetando, empacamos, armando pedidos, "
         "preparando pedidos, pedidos del día, así trabajamos, así es un día, tour por nuestro, "
         "tour por nuestra, tour por el taller, antes de abrir, antes de que abramos, después de cerrar, "
         "al cierre, nuestro proceso, preparamos la tienda, preparando la tienda, proceso de producción, "
         "proceso de elaboración, el proceso de, todo el proceso, así preparamos, así hacemos, "
         "así horneamos, así tostamos, así empacamos, así producimos, así fabricamos, antes de que abra, "
         "lo que no se ve, lo que nadie ve, lo que no ves, sesión de fotos, rodaje, en el set", 2),
    hint("Behind the scenes", N_("the work in progress"), "seleccionando, cargando, clasificando, "
         "un ... cualquiera, así se vive, así es un, un día en, un día con, lavamos, horneamos, tostamos, "
         "cosemos, tejemos, embotellamos, cortamos, editando, nuestra oficina, rellenando, llenando, "
         "probando recetas, probando sabores, respondiendo mensajes, limpiando, pintando, pesando, amasando, "
         "decorando, envolviendo, sellando, así quedó, nuestro obrador, nuestro taller, nuestra cocina, "
         "nuestra fábrica, lo que pasa en, lo que pasa detrás, armando, producción, elaboración, horneando, "
         "tostando, cosiendo, produciendo, fabricando, envasando, embotellando, etiquetando, "
         "saliendo del horno, recién salido del horno, madrugada, acomodando, desempacando, descargando, "
         "inventario, con el equipo, con mi equipo, con nuestro equipo, con todo el equipo, así se ve, "
         "ven conmigo, acompáñame, acompáñanos, en el taller, en la cocina, en el obrador, en la tostadora, "
         "primer lote, primera tanda, primera horneada, grabando", 1),
    # Duet / Stitch / UGC
    hint("Duet / Stitch / UGC", N_("a duet or a repost"), "dueto, duetos, #dueto, haz dueto, repostando, "
         "reposteando, reposteamos, repostamos, repostear, reposteo", 3),
    hint("Duet / Stitch / UGC", N_("the customers' own photos or videos"), "lo que nos escribieron, "
         "nos escribieron, nos mandó, nos mandaron, nos envió, nos enviaron, leyendo reseñas, "
         "leyendo sus reseñas, reseñas leídas, respondo tu pregunta, respondiendo tu pregunta, "
         "respondo tu comentario, respondiendo tu comentario, manden más, mándennos más, sus fotos, "
         "sus videos, tus fotos, tus videos, sus looks, fotos de ustedes, videos de ustedes, "
         "mándanos tu foto, mándanos tu video, mándanos tus fotos, mándanos tus videos, mándennos sus, "
         "envíanos tu foto, envíanos tu video, envíennos sus, reaccionando, reaccionamos, reacción a, "
         "leyendo comentarios, leyendo sus comentarios, respondiendo comentarios, "
         "respondiendo sus comentarios, compartimos sus, compartimos tus, gracias por compartir, "
         "gracias por mandar, gracias por etiquetarnos, lo que ustedes crean, sus creaciones, "
         "hecho por ustedes, hechas por ustedes, compilado de sus, sigan mandando, sigan enviando, "
         "sigan compartiendo, sigan etiquetando, sigan etiquetándonos", 2),
    hint("Duet / Stitch / UGC", N_("the brand tagged by its customers"), "sus mensajes, sus comentarios, "
         "qué lindo ver, nos encanta verlos, ustedes con su, ustedes con sus, sus reseñas, de una clienta, "
         "de un cliente, de nuestras clientas, de nuestros clientes, nuestra clienta, etiquétanos, "
         "etiquétennos, etiquetándonos, menciónanos, arróbanos, nos etiquetan", 1),
    hint("Duet / Stitch / UGC", N_("an answer to the audience's questions"), "ustedes preguntaron, "
         "nos preguntaron, me preguntaron", 1),
    # Collab
    hint("Collab", N_("a partner brand or guest"), "tomamos la cuenta, toma de cuenta, takeover, alianza con, "
         "invitamos a @..., invitamos al @..., en alianza, nos aliamos, nos unimos con, unimos fuerzas, "
         "nos juntamos con, de la mano de, en conjunto con, diseñamos junto, diseñado junto, diseñada junto, "
         "creamos junto, creado junto, creada junto, hecho junto, hecha junto, diseñada por, diseñado por, "
         "ilustrada por, ilustrado por, firmada por, firmado por, edición especial con, "
         "edición limitada con, cápsula con, nos acompaña, nos acompañan, con la participación de, "
         "invitado especial, invitada especial, nuestra invitada, nuestro invitado, de invitada, "
         "de invitado, presentado por, patrocinado, patrocinio, auspiciado", 2),
    hint("Collab", N_("a guest"), "artista local, artistas locales, con una ceramista, con un artista, "
         "con una artista, con una ilustradora, con un ilustrador, con la chef, con el chef, "
         "con una diseñadora, con un diseñador, la chef de, el chef de, pop-up en, pop up en, "
         "con la comunidad de, junto a la comunidad, invitada, fundación, asociación, ong, invitado, "
         "colaboramos, colaborar, colab con", 1),
    # Product
    hint("Product", N_("something on sale"), "solo quedan, quedan solo, pedidos por whatsapp, pedidos por dm, "
         "pedidos por inbox, pedidos al, preventa, a la venta, ya a la venta, reabastecimos, reabastecemos, "
         "repusimos, reponemos, reposición, pre-venta, pre venta, agotado, agotada, agotados, agotadas, "
         "se agotó, se agotaron, agotamos, se agota, últimas piezas, últimas unidades, quedan pocas, "
         "pocas unidades, mitad de precio, precio especial, en stock, sin stock, de nuevo en stock, "
         "colección, colecciones, nueva colección, nuevo sabor, nuevos sabores, nueva edición, nuevo color, "
         "nuevos colores, novedades, lanzamos, acabamos de lanzar, pide el tuyo, pide la tuya, pídelo, "
         "pídela, aparta el tuyo, aparta la tuya, apártalo, haz tu pedido, pedidos abiertos, promo, "
         "promoción, promociones, oferta, ofertas, descuento, descuentos, 2x1, 3x2, rebajas, liquidación, "
         "edición limitada", 2),
    hint("Product", N_("a match or a show on the venue's screen"), "pantalla gigante, pantalla grande, telão, "
         "no telão", 2),
    hint("Product", N_("something to buy or book"), "te llega, la favorita de todos, el favorito de todos, "
         "la más vendida, el más vendido, por porción, por kilo, fps, resistente al agua, a prueba de agua, "
         "ahora en, ahora también en, reserva tu, reserva ya, reservá tu, reservas abiertas, reserva por, "
         "haz tu reserva, reservaciones, de vuelta, corre que, corran que, corre a tu, disponible, ya salió, "
         "acaba de salir, colores, garantía, disponibles, ya llegó, llegó la, llegó el, llegaron los, "
         "llegaron las, recién llegados, stock, volvió, volvieron, vuelve el, vuelve la, vuelven los, "
         "regresa el, regresa la, tallas, talles, talla única, envíos, envío gratis, por DM, al DM, "
         "por inbox, link en bio, link en la bio, cupo limitado, cupos, inscríbete, inscripciones, "
         "de temporada, por temporada, precio, precios, entregamos, entregas, por whatsapp, sucursales, "
         "en tienda, tienda online, primera clase, clase de prueba", 1),
    hint("LIVE Q&A", N_("a reminder for a broadcast"), "activá la campanita, activa la campanita, activen la campanita, "
         "activa las notificaciones, activá las notificaciones", 2),
    hint("LIVE Q&A", N_("a broadcast"), "prendemos cámara, prendemos la cámara, encendemos la cámara, en tiktok, "
         "en nuestro tiktok", 1),
]
# fmt: on
