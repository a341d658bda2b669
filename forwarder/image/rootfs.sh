#!/usr/bin/env bash
# Builds the forwarder image's root filesystem without a container engine or a registry:
# a Java runtime linked from this JDK with only the modules the forwarder uses (jlink), the C
# libraries that runtime loads (copied from this machine, so the image is linux/<this arch>), and a
# passwd entry for the non-root user 65532. Jib adds the application on top (pom.xml).
#   rootfs.sh OUTPUT_DIR          (JAVA_HOME must point at a JDK >= 21 with jlink)
set -euo pipefail
out=${1:?usage: rootfs.sh OUTPUT_DIR}
# `jdeps --print-module-deps --ignore-missing-deps` on forwarder.jar (java.desktop is java.beans,
# which the kubeconfig's YAML reader uses), plus what is loaded by name (TLS, JMX, logging, zipfs).
modules=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.net,jdk.unsupported,jdk.zipfs

rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$out/opt/java"

# Every shared library the runtime's binaries need from the system, and the dynamic loader.
libs=$(find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null |
  awk '$2 == "=>" && $3 ~ /^\// && $3 !~ /opt\/java/ {print $3}' | sort -u)
loader=$(ldd "$out/opt/java/bin/java" | awk '$1 ~ /^\/.*ld-linux/ {print $1}')
for lib in $libs $loader; do
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done

echo 'nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin' >"$out/etc/passwd"
echo 'nonroot:x:65532:' >"$out/etc/group"
