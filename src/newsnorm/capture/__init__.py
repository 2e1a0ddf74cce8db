"""Reading plain-text captures: lines, regions, heads, captions."""
