# The image compose.yaml runs in every role: the package and its dependencies, nothing else.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY summarizer ./summarizer
COPY storage ./storage
RUN pip install --no-cache-dir '.[fast]'
ENTRYPOINT ["tomtat", "run"]
