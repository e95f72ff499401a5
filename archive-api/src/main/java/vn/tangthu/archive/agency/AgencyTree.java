package vn.tangthu.archive.agency;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of the agency tree with the lookups the visibility rule needs: ancestors
 * (for INTERNAL), descendants (for acting within one's agency) and predecessors through {@code
 * successorCode} (a successor inherits its predecessors' visibility). Thread-safe.
 */
public final class AgencyTree {

  private final Map<String, Agency> byCode;
  private final Map<String, List<String>> children;
  private final Map<String, List<String>> predecessors;
  private final Map<String, Agency> byOrganId;

  public AgencyTree(List<Agency> agencies) {
    Map<String, Agency> map = new HashMap<>();
    Map<String, List<String>> kids = new HashMap<>();
    Map<String, List<String>> preds = new HashMap<>();
    Map<String, Agency> organs = new HashMap<>();
    for (Agency a : agencies) {
      map.put(a.code(), a);
      if (a.edxmlOrganId() != null) {
        organs.put(a.edxmlOrganId(), a);
      }
      if (a.parentCode() != null) {
        kids.computeIfAbsent(a.parentCode(), k -> new ArrayList<>()).add(a.code());
      }
      if (a.successorCode() != null) {
        preds.computeIfAbsent(a.successorCode(), k -> new ArrayList<>()).add(a.code());
      }
    }
    this.byCode = Map.copyOf(map);
    this.children = Map.copyOf(kids);
    this.predecessors = Map.copyOf(preds);
    this.byOrganId = Map.copyOf(organs);
  }

  /** The agency whose edXML identifier ({@code From/OrganId}) is {@code organId}. */
  public Optional<Agency> findByEdxmlOrganId(String organId) {
    return organId == null ? Optional.empty() : Optional.ofNullable(byOrganId.get(organId));
  }

  public Optional<Agency> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  public boolean exists(String code) {
    return byCode.containsKey(code);
  }

  /** The agency and its ancestors, root first. */
  public List<String> path(String code) {
    List<String> path = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String c = code; c != null && seen.add(c); ) {
      path.add(c);
      Agency a = byCode.get(c);
      c = a == null ? null : a.parentCode();
    }
    Collections.reverse(path);
    return List.copyOf(path);
  }

  /** True when {@code code} is {@code ancestor} or below it. */
  public boolean isWithin(String code, String ancestor) {
    return path(code).contains(ancestor);
  }

  /** The agency, all agencies below it, and (transitively) the agencies they succeeded. */
  public Set<String> actingScope(String code) {
    Set<String> scope = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(code));
    while (!todo.isEmpty()) {
      String c = todo.pop();
      if (scope.add(c)) {
        todo.addAll(children.getOrDefault(c, List.of()));
        todo.addAll(predecessors.getOrDefault(c, List.of()));
      }
    }
    return Collections.unmodifiableSet(scope);
  }

  /**
   * {@code codes} and every agency below one of them through parent links only (not through
   * succession): the owners whose INTERNAL records users of {@code codes} read.
   */
  public Set<String> below(Collection<String> codes) {
    Set<String> out = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(codes);
    while (!todo.isEmpty()) {
      String c = todo.pop();
      if (out.add(c)) {
        todo.addAll(children.getOrDefault(c, List.of()));
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /** The agency and, transitively, every agency it succeeded: whose visibility it inherits. */
  public Set<String> identities(String code) {
    Set<String> ids = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(code));
    while (!todo.isEmpty()) {
      String c = todo.pop();
      if (ids.add(c)) {
        todo.addAll(predecessors.getOrDefault(c, List.of()));
      }
    }
    return Collections.unmodifiableSet(ids);
  }
}
