# syntax=docker/dockerfile:1
# Node 24, the current LTS; the code also runs on 22 (and on 20.19+ for development).
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
# postinstall generates the Prisma client from prisma/schema.prisma.
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
# PORT is set, so every container (the worker's too) serves /healthz for the health check below.
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/src/generated ./src/generated
COPY package.json tsconfig.json ./
COPY prisma ./prisma
COPY src ./src
COPY locales ./locales
COPY templates ./templates
COPY calendar-data ./calendar-data
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# npm start runs bot and worker together; compose runs them as separate services.
CMD ["node", "--import", "tsx", "src/main.ts", "all"]
