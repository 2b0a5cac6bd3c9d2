"""The terminal app. Only `app.run_app` is public; the core never imports this package."""
