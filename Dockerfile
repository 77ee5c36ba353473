# One image for both roles: `npm run start:api` or `npm run start:worker` (see docker-compose.yml).
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
EXPOSE 3000
USER node
CMD ["npm", "run", "start:api"]
