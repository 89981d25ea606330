# syntax=docker/dockerfile:1
# The dashboard's image: `docker build -t lotte-dashboard:1.0.0 .` at the repository root (docs/operations.md).
# The same image serves (`dotnet Lotte.Dashboard.dll`) and migrates (`dotnet Lotte.Dashboard.dll migrate`).

# --- build: the .NET SDK plus npm, which the build runs to fetch apexcharts (src/Dashboard/RepoRootWebAssets.targets)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /source

# Restore first, from the project files only, so the layer is reused while only code changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Core/Lotte.Core.csproj src/Core/
COPY src/Dashboard/Lotte.Dashboard.csproj src/Dashboard/RepoRootWebAssets.targets src/Dashboard/
RUN dotnet restore src/Dashboard/Lotte.Dashboard.csproj

COPY package.json package-lock.json appsettings.json ./
COPY wwwroot/ wwwroot/
COPY src/ src/
RUN dotnet publish src/Dashboard/Lotte.Dashboard.csproj -c Release --no-restore -o /app

# --- runtime: ASP.NET Core only, as the images' non-root "app" user
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "Lotte.Dashboard.dll"]
