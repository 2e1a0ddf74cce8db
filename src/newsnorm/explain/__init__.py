"""`newsnorm explain`: what newsnorm did with one page, as an HTML report for a person.

- page: the report's data (Report, Cut);
- report: runs the real pipeline with evidence kept and gathers the report;
- blocks: the page's text blocks, kept, removed (rule and plugin) or left out, and the
  main-content region;
- fields: each metadata field's source and the candidates it beat;
- render: the self-contained HTML.
"""

from newsnorm.explain.page import Report
from newsnorm.explain.render import render
from newsnorm.explain.report import default_report_path, explain, explain_file

__all__ = ["Report", "default_report_path", "explain", "explain_file", "render"]
