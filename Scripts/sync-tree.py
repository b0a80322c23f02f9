#!/usr/bin/env python3
"""sync-tree.py SOURCE DEST: makes DEST hold exactly SOURCE's files, rewriting only files whose bytes differ, so that
a file that did not change keeps its modification time and SwiftPM does not rebuild it."""
import filecmp, os, shutil, sys
source, dest = sys.argv[1], sys.argv[2]
wanted = set()
for root, _, files in os.walk(source):
    for name in files:
        relative = os.path.relpath(os.path.join(root, name), source)
        wanted.add(relative)
        target = os.path.join(dest, relative)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if not (os.path.isfile(target) and filecmp.cmp(os.path.join(root, name), target, shallow=False)):
            shutil.copy2(os.path.join(root, name), target)
        shutil.copymode(os.path.join(root, name), target)
for root, _, files in os.walk(dest):
    for name in files:
        path = os.path.join(root, name)
        if os.path.relpath(path, dest) not in wanted:
            os.remove(path)
