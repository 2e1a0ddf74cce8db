"""Built-in behaviour, one concern per module, using the same hooks as any plugin."""
