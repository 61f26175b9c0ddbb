package org.kinship.platform.community;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * A local emergency or helpline number with a short text ("Mental health helpline, open day and
 * night"). Shown on every community page and whenever crisis language is detected.
 */
@Embeddable
public class CrisisResource {
    static final int MAX_LABEL = 80;
    static final int MAX_PHONE = 32;
    static final int MAX_TEXT = 300;

    @Column(name = "label", nullable = false, length = MAX_LABEL)
    private String label;

    @Column(name = "phone", nullable = false, length = MAX_PHONE)
    private String phone;

    @Column(name = "description", length = MAX_TEXT)
    private String description;

    protected CrisisResource() {
    }

    public CrisisResource(String label, String phone, String description) {
        this.label = Text.required("crisis resource label", label, MAX_LABEL);
        this.phone = Text.required("crisis resource phone", phone, MAX_PHONE);
        if (!this.phone.matches("[+0-9 ()\\-]{2,32}") || this.phone.chars().filter(Character::isDigit).count() < 2) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED,
                    "A crisis phone number needs at least two digits, and may contain digits, spaces, '+', '-' and parentheses only.");
        }
        this.description = Text.optional("crisis resource description", description, MAX_TEXT);
    }

    public String label() {
        return label;
    }

    public String phone() {
        return phone;
    }

    public String description() {
        return description;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CrisisResource other && label.equals(other.label) && phone.equals(other.phone)
                && Objects.equals(description, other.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, phone, description);
    }
}
