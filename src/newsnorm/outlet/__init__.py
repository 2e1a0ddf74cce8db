"""What a document says about the outlet that published it, when no plugin recognised it:
the names and addresses an HTML page declares (declared.py), and a text capture's footer:
its copyright line (notices.py) and a line naming the site beside its group (mastheads.py);
names.py has the tests a name must pass and how names and domains are compared."""
