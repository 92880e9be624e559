package vn.partycell.meeting.adapter.out.mongo;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.BsonString;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Repository;
import vn.partycell.meeting.application.AttachmentStore;
import vn.partycell.meeting.domain.AttachmentId;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MeetingAttachment;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.platform.kernel.OrgPath;

/**
 * Attached documents in MongoDB GridFS, bucket {@code meeting_attachments}: the content in 255 kB
 * chunks ({@code meeting_attachments.chunks}), the description as the file's metadata ({@code
 * meeting_attachments.files}, id = the attachment id), so a document and what describes it are one
 * file: the files document is written after its last chunk, so a failed upload lists nothing. A
 * meeting's documents are found by {@code metadata.meetingId} (index declared for real MongoDB).
 */
@Repository
public class GridFsAttachmentStore implements AttachmentStore {

    static final String BUCKET = "meeting_attachments";

    private final GridFSBucket bucket;

    public GridFsAttachmentStore(MongoTemplate mongo) {
        this.bucket = GridFSBuckets.create(mongo.getDb(), BUCKET);
        mongo.indexOps(BUCKET + ".files")
                .createIndex(new Index()
                        .on("metadata.meetingId", Sort.Direction.ASC)
                        .on("uploadDate", Sort.Direction.ASC)
                        .named("meeting_uploaded"));
    }

    @Override
    public void store(MeetingAttachment a, InputStream content) {
        Document metadata = new Document("meetingId", a.meetingId().toString())
                .append("cellId", a.cellId().toString())
                .append("orgPath", a.orgPath().value())
                .append("contentType", a.contentType())
                .append("size", a.size())
                .append("sha256", a.sha256())
                .append("uploadedBy", a.uploadedBy())
                .append("uploadedAt", Date.from(a.uploadedAt()));
        bucket.uploadFromStream(
                new BsonString(a.id().toString()), a.fileName(), content, new GridFSUploadOptions().metadata(metadata));
    }

    @Override
    public List<MeetingAttachment> list(MeetingId meetingId) {
        List<MeetingAttachment> found = new ArrayList<>();
        bucket.find(Filters.eq("metadata.meetingId", meetingId.toString()))
                .sort(Sorts.ascending("uploadDate", "_id"))
                .forEach(file -> found.add(toDomain(file)));
        return found;
    }

    @Override
    public Optional<MeetingAttachment> find(MeetingId meetingId, AttachmentId id) {
        GridFSFile file = bucket.find(Filters.and(
                        Filters.eq("_id", id.toString()), Filters.eq("metadata.meetingId", meetingId.toString())))
                .first();
        return Optional.ofNullable(file).map(GridFsAttachmentStore::toDomain);
    }

    @Override
    public InputStream open(AttachmentId id) {
        return bucket.openDownloadStream(new BsonString(id.toString()));
    }

    @Override
    public boolean delete(AttachmentId id) {
        try {
            bucket.delete(new BsonString(id.toString()));
            return true;
        } catch (MongoGridFSException notThere) {
            return false;
        }
    }

    private static MeetingAttachment toDomain(GridFSFile file) {
        Document m = file.getMetadata();
        return new MeetingAttachment(
                AttachmentId.of(file.getId().asString().getValue()),
                MeetingId.of(m.getString("meetingId")),
                CellId.of(m.getString("cellId")),
                new OrgPath(m.getString("orgPath")),
                file.getFilename(),
                m.getString("contentType"),
                ((Number) m.get("size")).longValue(),
                m.getString("sha256"),
                m.getString("uploadedBy"),
                m.getDate("uploadedAt").toInstant());
    }
}
