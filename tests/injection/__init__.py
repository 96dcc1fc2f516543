"""The script-injection corpus: payloads and the catalogues that place them everywhere."""
