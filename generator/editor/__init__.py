"""The site's editor (`/<year>/soan-thao/`): Decap CMS configured from schema/.

`generator.site.build` makes one call per built year: `publish_editor(...)`.
"""

from generator.editor.publish import Published, publish_editor

__all__ = ["Published", "publish_editor"]
