package com.invgov.rules.internal;

import com.invgov.rules.DiffLine;

import java.util.ArrayList;
import java.util.List;

/** A line diff (longest common subsequence) of two versions' DRL. */
final class LineDiff {

    private static final long MAX_CELLS = 4_000_000;

    private LineDiff() {
    }

    static List<DiffLine> diff(String before, String after) {
        String[] a = before == null ? new String[0] : before.split("\n", -1);
        String[] b = after == null ? new String[0] : after.split("\n", -1);
        List<DiffLine> out = new ArrayList<>();
        if ((long) a.length * b.length > MAX_CELLS) {
            for (String line : a) {
                out.add(new DiffLine("-", line));
            }
            for (String line : b) {
                out.add(new DiffLine("+", line));
            }
            return out;
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new DiffLine(" ", a[i]));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new DiffLine("-", a[i++]));
            } else {
                out.add(new DiffLine("+", b[j++]));
            }
        }
        while (i < a.length) {
            out.add(new DiffLine("-", a[i++]));
        }
        while (j < b.length) {
            out.add(new DiffLine("+", b[j++]));
        }
        return out;
    }
}
