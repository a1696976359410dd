"""One model per page: every number, table and sentence a page shows, computed once.

Each module here answers one page's question with one function (`members_view`, `formats_view`,
…) that takes the connection, the period and the page's choices and returns a frozen dataclass.
The page renders it, the deck and the HTML report render the same object, the command line writes
its tables: a number computed once cannot disagree with itself.
"""
