# avito-ai in a container: `serve` by default, `poll` for workers (see docker-compose.yml).
# Node 20 is what package.json promises as the minimum; `--build-arg NODE_VERSION=24` moves every stage at once.
ARG NODE_VERSION=20

# Production dependencies alone, from the lockfile; a stage of their own so that a change in the sources
# does not reinstall them. --ignore-scripts: the root `prepare` would compile without TypeScript here, and
# no production dependency needs its install script (protobufjs' only prints version advice).
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# Compiles TypeScript, then packs: the image holds exactly what `files` in package.json ships to a seller
# (bin/, dist/ without maps, .env.example and the example document init copies), nothing of the workshop.
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY bin ./bin
COPY docs ./docs
COPY .env.example README.md LICENSE ./
RUN npm run build \
  && npm pack --ignore-scripts --pack-destination /tmp \
  && mkdir /pkg \
  && tar -xzf /tmp/avito-ai-*.tgz -C /pkg --strip-components=1

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# Inside a container the listener must take connections from outside it; the port is the one published.
# The documents and the data folder are mounted at these places (docker-compose.yml sets them again, over .env).
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    KNOWLEDGE_DIR=/app/knowledge \
    STORE_PATH=/app/data/avito-ai.json
WORKDIR /app
# Code and dependencies stay root's and read-only to the process; only the data folder is its own
# (a named volume mounted there starts with this owner).
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /pkg/ ./
# `avito-ai` on the PATH, for `docker compose exec web avito-ai chats` and the like (npm's global install links it the same way).
RUN mkdir -p /app/data /app/knowledge && chown node:node /app/data \
  && ln -s /app/bin/avito-ai.js /usr/local/bin/avito-ai
USER node
EXPOSE 8080
# serve and poll answer SIGTERM by finishing the pass and the chats in hand (serve drains its queue up to 20 s,
# then sends the last notices) and exiting 0. A Dockerfile cannot set the stop timeout: docker-compose.yml sets
# stop_grace_period 60s, as README advises for systemd; with docker run, pass --stop-timeout 60.
STOPSIGNAL SIGTERM
# /health on the webhook listener: 200 when healthy, 503 while an outside system fails. No curl in slim
# images, so node asks. Workers (`poll`) have no listener: their compose service disables this check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "/app/bin/avito-ai.js"]
CMD ["serve"]
