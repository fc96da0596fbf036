-- The defaults ingest_settings changed.
RESET threads;
RESET memory_limit;
