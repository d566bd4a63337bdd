-- ./run-local --extra-sql quickstart/src/test/resources/extra-sql/weird-types.sql (docs/quickstart.md)
--
-- A captured database and table with names Redshift folds or reserves, a column of every MySQL
-- type the demo uses and more (a MEDIUMTEXT of 65,535 bytes, the most a Redshift VARCHAR holds),
-- one row with NULL in every column but the key, one of edge values (empty strings and binaries,
-- extremes), and one row larger than the 4 MB a Redshift COPY reads per row: a 5 MiB LONGBLOB,
-- about 7 MB as base64 in its change event, past cdc-source's default max.request.size of 1 MiB
-- too (docs/quickstart.md says which dead-letter output it lands in). It runs before the jobs
-- start, so cdc-source reads these rows in its snapshot.
--
-- FLOAT values have at most 6 significant digits: the snapshot reads FLOAT as MySQL's text, which
-- prints no more (docs/quickstart.md, Known limits).

CREATE DATABASE `Weird`;

CREATE TABLE `Weird`.`MixedCase` (
  `userId` BIGINT NOT NULL,
  `order` INT,
  `select` VARCHAR(40),
  `Group` SMALLINT,
  `tinyValue` TINYINT,
  `flag` TINYINT(1),
  `smallU` SMALLINT UNSIGNED,
  `medium` MEDIUMINT,
  `intU` INT UNSIGNED,
  `bigU` BIGINT UNSIGNED,
  `amount` DECIMAL(12,2),
  `ratio` FLOAT,
  `score` DOUBLE,
  `code` CHAR(12),
  `label` VARCHAR(100),
  `body` TEXT,
  `payload` MEDIUMTEXT,
  `born` DATE,
  `atTime` TIME(3),
  `happened` DATETIME(6),
  `ordered` DATETIME(3),
  `stamped` TIMESTAMP(3) NULL DEFAULT NULL,
  `updated` TIMESTAMP(6) NULL DEFAULT NULL,
  `yr` YEAR,
  `doc` JSON,
  `raw` VARBINARY(32),
  `fixed` BINARY(4),
  `smallBlob` BLOB,
  `bigBlob` LONGBLOB,
  `bit1` BIT(1),
  `bits` BIT(10),
  `status` ENUM('new','paid','shipped'),
  `tags` SET('vip','newsletter','partner'),
  PRIMARY KEY (`userId`)
);

-- Every column holds a value.
INSERT INTO `Weird`.`MixedCase` VALUES (
  1, 10, 'select * from "x"; -- not SQL', 3, -7, 1, 65535, -8388608, 4294967295,
  18446744073709551615, 1234567890.12, 0.5, 3.141592653589793, 'CHAR12CHAR12', 'Ünïcödé €',
  'text with ''quotes'', a tab\tand a newline\n', REPEAT('m', 65535), '2024-02-29',
  '-838:59:59.125', '9999-12-31 23:59:59.999999', '1970-01-01 00:00:00.001',
  '2038-01-19 03:14:07.999', '1970-01-01 00:00:01.000001', 2155,
  '{"b": [1, 2.50, {"c": null}], "a": "x"}', X'00FF10', X'DEADBEEF', X'0001020304',
  X'CAFEBABE', b'1', b'1111111111', 'shipped', 'vip,partner'
);

-- NULL in every column but the key (a key column cannot be NULL).
INSERT INTO `Weird`.`MixedCase` (`userId`) VALUES (2);

-- Edge values: empty strings and binaries, zeros, negatives, the smallest dates.
INSERT INTO `Weird`.`MixedCase` VALUES (
  3, -2147483648, '', -32768, 127, 0, 0, 8388607, 0, 0, -9999999999.99, -1.25, -0.0,
  '', '', '', '', '1000-01-01', '00:00:00.000', '1000-01-01 00:00:00.000000',
  '1000-01-01 00:00:00.000', '1970-01-01 00:00:01.000', '2038-01-19 03:14:07.999999', 1901,
  '[]', X'', X'00000000', X'', X'', b'0', b'0', 'new', ''
);

-- Larger than Redshift's COPY reads per row (4 MB): 5 MiB of bytes in a LONGBLOB.
INSERT INTO `Weird`.`MixedCase` (`userId`, `select`, `bigBlob`)
  VALUES (4, 'oversized', REPEAT(X'AB', 5 * 1024 * 1024));

-- A row after the oversized one: the pipeline goes on.
INSERT INTO `Weird`.`MixedCase` (`userId`, `order`, `select`, `Group`)
  VALUES (5, 5, 'after the oversized row', 5);
