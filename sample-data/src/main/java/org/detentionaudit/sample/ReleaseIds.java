package org.detentionaudit.sample;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The identifiers of one release of a {@link ReleaseSeries}: person ids, A-numbers, EID case and
 * subject ids and the person index behind synthetic placement and stay ids, each replaced by a keyed
 * pseudonym of the true value. The key is drawn from the seed and the release number, so a value is
 * the same on every row of one release and unrelated across releases: a six-round Feistel network
 * over 64 bits with keyed round functions is a bijection (distinct people keep distinct ids within a
 * release), and without the key the pseudonyms of two releases cannot be matched (unlike a fixed
 * mixing function of the id XOR a key, whose inverse would give the same difference for everyone).
 */
final class ReleaseIds {

  private static final int ROUNDS = 6;
  private static final long KEY_SALT = 0x72656C6561736573L; // "releases"
  private static final long PERSON_DOMAIN = 0x1L;
  private static final long INDEX_DOMAIN = 0x2L;
  private static final long A_NUMBER_DOMAIN = 0x3L;
  private static final long CASE_DOMAIN = 0x4L;
  private static final long SUBJECT_DOMAIN = 0x5L;

  private final long[] roundKeys = new long[ROUNDS];

  ReleaseIds(long seed, int release) {
    SplittableRandom random = new SplittableRandom(mix(seed ^ KEY_SALT) + release * 0x9E3779B97F4A7C15L);
    for (int i = 0; i < ROUNDS; i++) {
      roundKeys[i] = random.nextLong();
    }
  }

  /**
   * The release's id of a person: 16 upper-case hex digits like the generator's ids. An id that is
   * not 16 hex digits (none is generated) is pseudonymised from its text.
   */
  String personId(String trueId) {
    String trimmed = trueId.trim();
    long value;
    if (trimmed.length() == 16 && trimmed.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      value = Long.parseUnsignedLong(trimmed, 16);
    } else {
      value = trimmed.toUpperCase(Locale.ROOT).hashCode();
    }
    return String.format("%016X", pseudonym(value, PERSON_DOMAIN));
  }

  /** The release's stand-in for a person index: non-negative, distinct for distinct indexes. */
  long personIndex(long index) {
    return pseudonym(index, INDEX_DOMAIN) & Long.MAX_VALUE;
  }

  /** An A-number {@code A} + 9 digits (200,000,000 to 999,999,998), as generated. */
  String alienFileNumber(String trueValue) {
    return String.format("A%09d", 200_000_000L + Math.floorMod(pseudonym(textValue(trueValue), A_NUMBER_DOMAIN), 799_999_999L));
  }

  /** An EID case id: 9 digits from 100,000,000, as generated. */
  String eidCaseId(String trueValue) {
    return String.valueOf(100_000_000L + Math.floorMod(pseudonym(textValue(trueValue), CASE_DOMAIN), 900_000_000L));
  }

  /** An EID subject id: 9 digits from 200,000,000, as generated. */
  String eidSubjectId(String trueValue) {
    return String.valueOf(200_000_000L + Math.floorMod(pseudonym(textValue(trueValue), SUBJECT_DOMAIN), 900_000_000L));
  }

  /** The keyed 64-bit bijection, separated by domain so that one person's values do not relate. */
  long pseudonym(long value, long domain) {
    long domainKey = mix(domain * 0xD6E8FEB86659FD93L);
    int left = (int) (value >>> 32);
    int right = (int) value;
    for (long key : roundKeys) {
      int next = left ^ round(right, key ^ domainKey);
      left = right;
      right = next;
    }
    return ((long) left << 32) | (right & 0xFFFFFFFFL);
  }

  private static int round(int half, long key) {
    return (int) (mix((half & 0xFFFFFFFFL) ^ key) >>> 32);
  }

  private static long textValue(String value) {
    long result = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      result = result * 31 + c;
    }
    return result;
  }

  /** SplitMix64's finalizer. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
