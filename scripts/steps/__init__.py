"""The finishing steps: what happens after every language is built, each a function taking a helpers.sitedata.Build.

They run in the order of STEPS in scripts/finish.py, the project's only on_post_build; none is a hook itself.
(Two steps live in hooks because they need what those hooks saw of the pages: printables.make_pdfs and
root_404.write_404_pages.)
"""
