"""Reading text: decoding bytes, and the patterns of news text (headlines, bylines, dates,
datelines, page layout) that the built-in plugins and outlet plugins share."""
