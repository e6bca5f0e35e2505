"""actorgraph on Apache Spark: every partition of a JSONL corpus goes through
`actorgraph build --partial` on an executor, the driver merges the partial
graphs into the graph (the same bytes one `actorgraph build` of the whole
corpus writes) and exports it as Parquet.

Local mode (2 cores), with the `pyspark` package and a Java runtime (17 or
later):

    spark-submit --master 'local[2]' examples/spark/actorgraph_spark.py \
        --binary target/release/actorgraph --corpus news.jsonl \
        --partitions 8 --out out/

A cluster: the binary (built for the executors' platform) and the gazetteer
files travel with the job (SparkContext.addFile); the corpus is any path
Spark reads (hdfs://, s3a://, ...); the partial graphs come back to the
driver, which needs the binary too:

    spark-submit --master yarn --deploy-mode client \
        examples/spark/actorgraph_spark.py \
        --binary ./actorgraph --gazetteer gazetteer/ --gazetteer extra.tsv \
        --corpus hdfs:///news/2024/*.jsonl --partitions 400 --out out/

Writes OUT/graph.json, OUT/parts/part-NNNNN.partial, and OUT/nodes.parquet,
OUT/edges.parquet, OUT/evidence.parquet. Build options after `--` go to
every `build --partial` (`-- --scope paragraph --evidence 5`).
"""

import argparse
import os
import stat
import subprocess
import sys
from pathlib import Path

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", required=True, help="the actorgraph executable")
    parser.add_argument("--corpus", required=True, help="JSONL corpus, as Spark reads paths")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--out", required=True, help="local directory for the results")
    parser.add_argument("--gazetteer", action="append", default=[],
                        help="gazetteer file or directory (repeat); default: the bundled one")
    parser.add_argument("--input-name", default=None,
                        help="the input recorded in the graph's header (default: the corpus's file name)")
    parser.add_argument("--master", default=None,
                        help="Spark master when run with python rather than spark-submit (local[2])")
    parser.add_argument("build_args", nargs="*", help="options for every build --partial")
    args = parser.parse_args()

    builder = SparkSession.builder.appName("actorgraph")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.addFile(os.path.abspath(args.binary))
    for g in args.gazetteer:
        sc.addFile(os.path.abspath(g), recursive=os.path.isdir(g))
    binary_name = os.path.basename(args.binary)
    gazetteers = [os.path.basename(os.path.normpath(g)) for g in args.gazetteer]
    input_name = args.input_name or os.path.basename(args.corpus)
    build_args = list(args.build_args)

    def build(index, lines):
        """One partition's documents, through `build --partial`."""
        binary = SparkFiles.get(binary_name)
        os.chmod(binary, os.stat(binary).st_mode | stat.S_IXUSR)
        command = [binary, "build", "--partial", "-", "-o", "-", "-q",
                   "--input-name", input_name, "--threads", "1"]
        for g in gazetteers:
            command += ["-g", SparkFiles.get(g)]
        command += build_args
        process = subprocess.Popen(command, stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        # A writer thread keeps the pipe from filling while stdout is read.
        import threading

        def feed():
            for line in lines:
                process.stdin.write(line.encode("utf-8") + b"\n")
            process.stdin.close()

        writer = threading.Thread(target=feed)
        writer.start()
        partial = process.stdout.read()
        writer.join()
        errors = process.stderr.read().decode("utf-8", "replace")
        if process.wait() != 0:
            raise RuntimeError(f"actorgraph build --partial failed on partition {index}: {errors}")
        yield index, partial

    corpus = sc.textFile(args.corpus, minPartitions=args.partitions)
    partials = corpus.mapPartitionsWithIndex(build).collect()

    out = Path(args.out)
    parts = out / "parts"
    parts.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, partial in sorted(partials):
        path = parts / f"part-{index:05d}.partial"
        path.write_bytes(partial)
        paths.append(str(path))
    gazetteer_args = [a for g in args.gazetteer for a in ("-g", g)]
    graph = out / "graph.json"
    subprocess.run([args.binary, "merge", "-q", *paths, *gazetteer_args, "-o", str(graph)],
                   check=True)
    subprocess.run([args.binary, "export", str(graph), "-f", "parquet", "-o", str(out)],
                   check=True)
    print(f"{len(paths)} partitions merged into {graph}; Parquet tables in {out}",
          file=sys.stderr)
    spark.stop()


if __name__ == "__main__":
    main()
