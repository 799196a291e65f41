"""The internal site: render a rated year into Markdown, then build it with MkDocs.

    render (render.py)   Year + YearVerdicts + findings -> Markdown files in a build folder
    build  (build.py)    one MkDocs build per year, landing page, versions.json, cache

Everything a submitter wrote reaches a page only through `text.py`, which escapes it for
HTML and keeps Markdown from interpreting it (see that module).
"""
