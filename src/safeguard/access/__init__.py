"""Access: roles (the one registry), API keys and console users."""
