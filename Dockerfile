# The Vetted app (Payload admin + API + public site) as a production image.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
# Applies pending migrations, then serves on PORT.
CMD ["node", "scripts/start.mjs"]
