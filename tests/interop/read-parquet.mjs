// Reads a Parquet file with DuckDB and prints one JSON object:
//   { columns: [{ name, type }], rows: [...], kv: { key: value } }
// Usage: node tests/interop/read-parquet.mjs FILE.parquet
// Proves that files written by CurationPipeline (Parquet.Net) are readable by a reference engine.
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
if (!file) {
  console.error('usage: node read-parquet.mjs FILE.parquet');
  process.exit(2);
}

const literal = `'${file.replaceAll("'", "''")}'`;
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const query = async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson();

const columns = (await query(`DESCRIBE SELECT * FROM read_parquet(${literal})`))
  .map((c) => ({ name: c.column_name, type: c.column_type }));
const rows = await query(`SELECT * FROM read_parquet(${literal})`);
const kv = Object.fromEntries((await query(
  `SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata(${literal})`)).map((r) => [r.key, r.value]));

process.stdout.write(JSON.stringify({ columns, rows, kv }));
connection.closeSync();
