"""The data key and the ways to unlock it: keyring, passphrase, recovery code."""
