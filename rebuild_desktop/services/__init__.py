"""What a person does with a vault: create, unlock, write, export, back up."""
