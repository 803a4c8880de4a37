"""The Textual layer: screens and widgets that compose the domain and the store, nothing more."""
