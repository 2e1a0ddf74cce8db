"""What a document says about the outlet that published it, when no plugin recognised it:
the names and addresses an HTML page declares (declared.py) and the copyright line a text
capture prints (notices.py), with the tests a name must pass (names.py)."""
