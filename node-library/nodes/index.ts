import type { NodeDefinition } from './define-node';
import { readCsvNode } from './source/read-csv.node';
import { readJsonNode } from './source/read-json.node';
import { readParquetNode } from './source/read-parquet.node';
import { httpNode } from './source/http.node';
import { sqliteNode } from './source/sqlite.node';
import { postgresNode } from './source/postgres.node';
import { inlineNode } from './source/inline.node';
import { paramNode } from './source/param.node';
import { writeCsvNode } from './sink/write-csv.node';
import { writeJsonNode } from './sink/write-json.node';
import { writeNdjsonNode } from './sink/write-ndjson.node';
import { writeParquetNode } from './sink/write-parquet.node';
import { sqliteSinkNode } from './sink/sqlite.node';
import { httpPostNode } from './sink/http-post.node';
import { filterNode } from './transform/filter.node';
import { conditionNode } from './control/condition.node';
import { mergeNode } from './control/merge.node';
import { expectNode } from './quality/expect.node';
import { aggregateNode } from './transform/aggregate.node';
import { castNode } from './transform/cast.node';
import { deriveNode } from './transform/derive.node';
import { distinctNode } from './transform/distinct.node';
import { fillNullsNode } from './transform/fill-nulls.node';
import { joinNode } from './transform/join.node';
import { limitNode } from './transform/limit.node';
import { pivotNode } from './transform/pivot.node';
import { sampleNode } from './transform/sample.node';
import { selectNode } from './transform/select.node';
import { sortNode } from './transform/sort.node';
import { sqlNode } from './transform/sql.node';
import { unionNode } from './transform/union.node';
import { unpivotNode } from './transform/unpivot.node';
import { noopNode } from './util/noop.node';
import { codeTsNode } from './code/code-ts';
import { codeJsNode } from './code/code-js';

/** The only list of built-in node types. */
export const builtinNodes: NodeDefinition[] = [
  // Sources.
  readCsvNode,
  readJsonNode,
  readParquetNode,
  httpNode,
  sqliteNode,
  postgresNode,
  inlineNode,
  paramNode,
  // Transforms, data quality and control.
  filterNode,
  selectNode,
  deriveNode,
  castNode,
  sortNode,
  limitNode,
  sampleNode,
  distinctNode,
  joinNode,
  unionNode,
  aggregateNode,
  pivotNode,
  unpivotNode,
  fillNullsNode,
  sqlNode,
  expectNode,
  conditionNode,
  mergeNode,
  // Code.
  codeTsNode,
  codeJsNode,
  // Sinks.
  writeCsvNode,
  writeJsonNode,
  writeNdjsonNode,
  writeParquetNode,
  sqliteSinkNode,
  httpPostNode,
  noopNode,
] as NodeDefinition[];
