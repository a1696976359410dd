"""Spanish (Latin America) hints: captions that imply their interaction format without naming it.

Each caption below gives its format only by a hint (no caption rule word names it), so without the
Spanish hints it would be "Other" or a wrong format. The look-alikes hold words close to a hint that
must not make them that format.
"""

from __future__ import annotations

import pytest

from analytics.captions import classify

IMPLIED = [
    ("Te enseñamos a envolver regalos con papel de periódico 🎁", "Tutorial"),
    ("3 formas de usar el pañuelo de seda este verano 🧣 guárdalo", "Tutorial"),
    ("¿Te atreves con la michelada más picante del barrio? 🌶️ si te la acabas, no pagas", "Challenge"),
    ("#RetoVerano 10 mil pasos diarios, ¿quién se suma? 🚶‍♀️", "Challenge"),
    ("Adivina cuántos macarons hay en la caja 🍬 quien más se acerque se la lleva", "Mini game"),
    ("Sorteamos 3 tazas entre los comentarios 🎉 anunciamos ganadores el lunes", "Mini game"),
    ("mañana a las 8 transmitimos desde la tostaduría y resolvemos sus dudas ☕", "LIVE Q&A"),
    ("Cuando abrimos en 2012 solo teníamos una mesa y una cafetera 🪑", "Storytelling"),
    ("Hace 15 años mi abuela cosió el primer bolso en la sala de su casa 👜", "Storytelling"),
    ("Empacando los pedidos del día con el equipo 📦 ¡gracias por su paciencia!", "Behind the scenes"),
    ("Un día en nuestra panadería antes de abrir 🥖", "Behind the scenes"),
    ("Sus fotos con nuestras toallas en la playa 🏖️ ¡sigan etiquetándonos!", "Duet / Stitch / UGC"),
    ("#dueto con la clienta que nos preguntó cómo se plancha el lino 👗", "Duet / Stitch / UGC"),
    ("Nos aliamos con una heladería de Lima para un sabor de temporada 🍦", "Collab"),
    ("¡Se agotó! La chaqueta de pana vuelve en preventa la próxima semana 🧥", "Product"),
]

LOOK_ALIKES = [  # a word close to a hint of another format; the true format comes from the Spanish hints
    ("Gana fuerza en las piernas con esta rutina de 10 minutos, guárdala 🦵", "Tutorial"),  # "gana": no prize
    ("Transmitimos el partido de la selección en pantalla gigante 🍺 2x1 en cervezas", "Product"),  # no LIVE
    # "de nuevo" is "again" (no new product), and the stock is back
    ("de nuevo en stock: la crema de manos de caléndula 🌼", "Product"),
]

STAY_OTHER = [  # greetings, weather, opening hours, a POV joke, a concert: no hint may claim them
    ("¡Feliz cumpleaños a nuestra cocinera favorita! 🎂", "Other"),
    ("Lluvia toda la tarde en Quito, ideal para un chocolate caliente 🌧️", "Other"),
    ("POV: tu mamá encuentra el ticket de lo que compraste 😅", "Other"),
    ("Abrimos de lunes a sábado de 8 a 20h ☕", "Other"),
    ("Música en vivo el sábado con la banda del barrio 🎸", "Other"),
]


@pytest.mark.parametrize(("caption", "expected"), IMPLIED)
def test_a_spanish_caption_that_only_implies_its_format_gets_that_format(caption, expected):
    found = classify(caption)
    assert found.format == expected, found.reason


@pytest.mark.parametrize(("caption", "expected"), LOOK_ALIKES + STAY_OTHER)
def test_a_spanish_look_alike_keeps_its_own_format(caption, expected):
    found = classify(caption)
    assert found.format == expected, found.reason


def test_a_spanish_hint_says_in_words_why_it_counted():
    found = classify("Te enseñamos a envolver regalos con papel de periódico 🎁")
    assert found.reason == 'matched "Te enseñamos" (steps to follow)'


def test_a_spanish_recipes_story_is_only_a_guess_between_its_steps_and_its_story():
    # The rule word "receta"/"receita" names a Tutorial; the story hints add up to as much as one name,
    # never more, so the rules do not pick for the marketer: a guess, with both sides in the reason.
    found = classify("Esta receta viene de mi bisabuela, no la cambiamos desde 1985 🍲")
    assert found.confidence == "guess"
    assert "Storytelling" in found.reason or found.format == "Storytelling"
