# The school diary: one image with bot, scheduler and diaryctl.
# Build:  docker build -t schooldiary/diary .
# Run:    docker run -p 127.0.0.1:8080:8080 -v diary:/data schooldiary/diary
#         docker run -p 127.0.0.1:8080:8080 schooldiary/diary bot -sandbox
# A wrong setting exits with 78 (EX_CONFIG); with --restart, add
# -e ON_CONFIG_ERROR=wait so that it waits, unhealthy, instead of looping.
# Files diaryctl writes (letters with codes) land in /data, owned by uid
# 10001: take them out with docker cp (README.md, "Письма с кодами").

FROM golang:1.26-alpine AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# Static binaries: the SQLite driver is pure Go, so no cgo is needed.
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/ ./cmd/bot ./cmd/scheduler ./cmd/diaryctl

FROM alpine:3.22
RUN apk add --no-cache tzdata ca-certificates \
 && adduser -D -H -h /data -u 10001 diary \
 && mkdir -p /data \
 && chown diary:diary /data
COPY --from=build /out/ /usr/local/bin/
USER diary
WORKDIR /data
ENV DATABASE_URL=sqlite:/data/diary.db \
    HTTP_ADDR=0.0.0.0:8080 \
    SCHEDULER_HTTP_ADDR=0.0.0.0:8081
VOLUME /data
EXPOSE 8080 8081
CMD ["bot"]
