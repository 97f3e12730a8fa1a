// Word-level diff of two versions of a post, for the History panel: which words a version removed
// and added. Tokens are words and the whitespace between them (line breaks kept), so joining the
// "same" and "removed" parts gives back the old text and "same" and "added" the new one.
// Longest common subsequence on tokens after trimming the common prefix and suffix; texts are at
// most a few thousand words, and the middle that differs is usually far smaller.

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

const tokenPattern = /\s+|[^\s]+/g;

function tokens(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

/** Past this many token pairs in the differing middle, the middle is shown as replaced whole. */
const MAX_CELLS = 4_000_000;

function push(parts: DiffPart[], kind: DiffPart["kind"], text: string) {
  if (!text) return;
  const last = parts.at(-1);
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, "same", a.slice(0, start).join(""));

  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n * m > MAX_CELLS) {
    push(parts, "removed", midA.join(""));
    push(parts, "added", midB.join(""));
  } else {
    // lcs[i][j] = LCS length of midA[i..] and midB[j..], in one flat array.
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] =
          midA[i] === midB[j]
            ? lcs[(i + 1) * w + j + 1]! + 1
            : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        push(parts, "same", midA[i]!);
        i++;
        j++;
      } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) {
        push(parts, "removed", midA[i++]!);
      } else {
        push(parts, "added", midB[j++]!);
      }
    }
    while (i < n) push(parts, "removed", midA[i++]!);
    while (j < m) push(parts, "added", midB[j++]!);
  }

  push(parts, "same", a.slice(endA).join(""));
  return cleanUp(parts);
}

/**
 * Readable changes: whitespace that two changes share ("red" → "a big" matching only the spaces)
 * becomes part of the change, and each run of changes reads as all it removed, then all it added.
 */
function cleanUp(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let i = 0;
  while (i < parts.length) {
    if (parts[i]!.kind === "same") {
      push(out, "same", parts[i++]!.text);
      continue;
    }
    let removed = "";
    let added = "";
    while (i < parts.length) {
      const p = parts[i]!;
      const nextIsChange = i + 1 < parts.length && parts[i + 1]!.kind !== "same";
      if (p.kind === "removed") removed += p.text;
      else if (p.kind === "added") added += p.text;
      else if (/^\s+$/.test(p.text) && nextIsChange) {
        removed += p.text;
        added += p.text;
      } else break;
      i++;
    }
    push(out, "removed", removed);
    push(out, "added", added);
  }
  return out;
}

/** Words added and removed, for a one-line summary ("+12 −3 words"). */
export function diffStats(parts: readonly DiffPart[]): { added: number; removed: number } {
  const words = (t: string) => t.match(/[^\s]+/g)?.length ?? 0;
  let added = 0;
  let removed = 0;
  for (const p of parts) {
    if (p.kind === "added") added += words(p.text);
    else if (p.kind === "removed") removed += words(p.text);
  }
  return { added, removed };
}
