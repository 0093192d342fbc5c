"""Language identification on cleaned bodies."""

from __future__ import annotations

import pytest

from toolkit.language import detect_text

SENTENCES = {
    "es": "La provincia ha completado la arquitectura de gobierno electrónico y ha desplegado la plataforma digital.",
    "fr": "La province a achevé l'architecture de l'administration en ligne et déployé la plateforme numérique.",
    "pl": "Prowincja zrealizowała większość zadań zgodnie z planem centralnego komitetu sterującego.",
    "pt": "A província concluiu a arquitetura do governo eletrônico e implantou a plataforma digital para os cidadãos.",
    "en": "The province has completed its e-government architecture and deployed the digital citizen platform.",
    "de": "Die Provinz hat die Architektur der elektronischen Verwaltung fertiggestellt und die Plattform eingeführt.",
    "it": "La provincia ha completato l'architettura del governo elettronico e ha lanciato la piattaforma digitale.",
}


@pytest.mark.parametrize("lang, text", SENTENCES.items())
def test_each_language_is_identified(lang, text):
    assert detect_text(text) == lang


@pytest.mark.parametrize("text", ["", "   ", "12 345", "OK"])
def test_too_little_text_has_no_language(text):
    assert detect_text(text) == ""
