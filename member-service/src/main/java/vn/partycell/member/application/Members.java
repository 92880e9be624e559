package vn.partycell.member.application;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberEvent;

/** Port: where members are kept, each stored together with the events its change caused. */
public interface Members {

    Optional<Member> find(UUID id);

    void insert(Member member, MemberEvent event);

    void update(Member member, long expectedVersion, MemberEvent event);

    Page<Member> inCell(UUID cellId, Pageable pageable);
}
