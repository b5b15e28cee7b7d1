# syntax=docker/dockerfile:1
# The daemon in a container, for linux/amd64 and linux/arm64 (Raspberry Pi 4/5 with a 64-bit OS):
#   docker buildx build --platform linux/amd64,linux/arm64 -t dominant-colors .
#   docker run --rm -v /etc/dominant-colors:/etc/dominant-colors:ro -v dominant-colors-state:/var/lib/dominant-colors \
#     --device /dev/video0 --group-add video --network host dominant-colors
# Without a config file the daemon runs its built-in demo (pattern source, console output).

# Build on the machine's own architecture and cross-compile for the target: no emulation needed.
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY src/ src/
COPY config/ config/
RUN dotnet publish src/DominantColors -c Release -a "$TARGETARCH" --no-self-contained -o /app

# The ASP.NET runtime image: the web preview runs on Kestrel. ffmpeg for the ffmpeg source, curl for the health check.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends ffmpeg curl \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /var/lib/dominant-colors /etc/dominant-colors \
    && chown "$APP_UID" /var/lib/dominant-colors
WORKDIR /app
COPY --from=build /app ./
# MALLOC_ARENA_MAX: as in the systemd unit (docs/reliability.md, "Soak test").
ENV STATE_DIRECTORY=/var/lib/dominant-colors \
    DOTNET_gcServer=0 \
    MALLOC_ARENA_MAX=2
VOLUME /var/lib/dominant-colors
# The image's non-root user (uid 1654); add it to the host's video group with --group-add for capture devices.
USER $APP_UID
EXPOSE 8733
# Healthy while frames flow and outputs are connected; needs `web: {enabled: true}` in the config.
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8733/healthz || exit 1
ENTRYPOINT ["dotnet", "dominant-colors.dll"]
CMD ["run"]
