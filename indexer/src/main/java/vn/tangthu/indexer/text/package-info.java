/**
 * Vietnamese text normalisation in plain Java (no Lucene types), so any search engine can index the
 * same values: exact (NFC, lower case, one tone-mark placement), folded (no diacritics) and
 * document numbers; and conversion of legacy TCVN3/VNI text to Unicode.
 */
package vn.tangthu.indexer.text;
