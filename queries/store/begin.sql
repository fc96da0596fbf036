-- One batch is one transaction on one connection (see etl/load.Commit).
BEGIN TRANSACTION
