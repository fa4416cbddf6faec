"""Parts of the chat screen: avatars, the message timeline and the per-platform skins."""
