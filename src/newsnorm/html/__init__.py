"""HTML pages: cleaning the tree, finding the main content, reading the metadata (lxml,
no BeautifulSoup tree on this path)."""
