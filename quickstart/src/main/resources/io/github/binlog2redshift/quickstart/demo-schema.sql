-- The demo source of ./run-local: two databases, five tables, composite keys, many column types.
-- Statements end with a line holding only ';'. Rows come from DemoWorkload.
CREATE DATABASE shop
;
CREATE DATABASE crm
;
CREATE TABLE shop.customers (
  id BIGINT NOT NULL PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  email VARCHAR(200),
  balance DECIMAL(12,2) NOT NULL DEFAULT 0,
  active TINYINT(1) NOT NULL DEFAULT 1,
  signed_up DATE,
  notes TEXT,
  updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)
)
;
CREATE TABLE shop.orders (
  id BIGINT NOT NULL PRIMARY KEY,
  customer_id BIGINT NOT NULL,
  status ENUM('new','paid','shipped','cancelled') NOT NULL,
  total DECIMAL(10,2) NOT NULL,
  weight_kg DECIMAL(8,3),
  score DOUBLE,
  ordered_at DATETIME(3) NOT NULL,
  attributes JSON
)
;
CREATE TABLE shop.order_lines (
  order_id BIGINT NOT NULL,
  line_no SMALLINT UNSIGNED NOT NULL,
  sku CHAR(12) NOT NULL,
  quantity INT UNSIGNED NOT NULL,
  unit_price DECIMAL(10,2) NOT NULL,
  PRIMARY KEY (order_id, line_no)
)
;
CREATE TABLE crm.contacts (
  id INT NOT NULL PRIMARY KEY,
  full_name VARCHAR(120) NOT NULL,
  phone VARCHAR(32),
  birthday DATE,
  tags SET('vip','newsletter','partner'),
  avatar VARBINARY(32),
  big_counter BIGINT UNSIGNED,
  last_seen TIMESTAMP(3) NULL
)
;
CREATE TABLE crm.activities (
  contact_id INT NOT NULL,
  activity_id BIGINT NOT NULL,
  kind VARCHAR(20) NOT NULL,
  happened_at DATETIME(6) NOT NULL,
  duration_s MEDIUMINT,
  payload MEDIUMTEXT,
  PRIMARY KEY (contact_id, activity_id)
)
;
