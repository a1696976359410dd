"""The interface language: the sidebar's choice, the browser's language on a first visit.

The choice is in the address (`?lang=vi`), like the client, so a reload or a bookmark keeps it;
it is this browser's choice, never a client's, so it is not stored with any client.
"""

from __future__ import annotations

import streamlit as st

from analytics import i18n
from analytics.i18n import _

KEY = "ui_language"


def first_language() -> str:
    """The address's language, else the browser's when the app speaks it, else English."""
    asked = i18n.supported(st.query_params.get("lang"))
    if asked:
        return asked
    try:
        browser = st.context.locale
    except Exception:  # an old front end or a bare run: no browser to ask
        browser = None
    return i18n.supported(browser) or i18n.DEFAULT


def choose() -> str:
    """Set this run's language from the session (first visit: address, then browser) and return it."""
    if KEY not in st.session_state or st.session_state[KEY] not in i18n.LANGUAGES:
        st.session_state[KEY] = first_language()
    chosen = i18n.set_language(st.session_state[KEY])
    if chosen != i18n.DEFAULT or "lang" in st.query_params:  # English from the start keeps the address clean
        st.query_params["lang"] = chosen
    return chosen


def picker() -> None:
    """The sidebar's language box (each name written in its own language)."""
    st.sidebar.selectbox(
        _("Language"),
        list(i18n.LANGUAGES),
        format_func=i18n.LANGUAGES.__getitem__,
        key=KEY,
        help=_(
            "The language of the screens. A deck or report can be made in another language on the Report page."
        ),
    )
